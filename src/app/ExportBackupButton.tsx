import { useState } from 'react';
import { useDb } from '../db/dbContext';
import { errorText } from '../stores/actionErrors';

/**
 * "Export backup": saves a full backup file and says how it went. The backup code (and zod) loads on the click, so
 * the app shell that shows this button does not carry it.
 */
export function ExportBackupButton({ className }: { className?: string }) {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      const { exportBackupNow } = await import('./exportBackupNow');
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
