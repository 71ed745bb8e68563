import { useState } from 'react';
import { useDb } from '../db/react';
import { errorText } from '../stores/actionErrors';
import { exportBackupNow } from './exportBackupNow';

/** "Export backup": saves a full backup file and says how it went. */
export function ExportBackupButton({ className }: { className?: string }) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      setMessage(`Saved ${await exportBackupNow(db)}.`);
    } catch (error) {
      setMessage(`The backup could not be exported: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={() => void run()}>
        Export backup
      </button>
      {message && <span role="status">{message}</span>}
    </>
  );
}
