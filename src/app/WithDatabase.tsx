import { BackupReminder } from './BackupReminder';
import { useDocumentTitle } from './useDocumentTitle';
import { usePersistAfterReview } from './usePersistAfterReview';

/** The layout's work with the database: the page title, asking to persist storage, the backup reminder. */
export function WithDatabase() {
  usePersistAfterReview();
  useDocumentTitle();
  return <BackupReminder />;
}
