import { useState } from 'react';
import { Link } from 'react-router';
import { loadBackupInfo } from '../../db/backupStatus';
import { useDbQuery } from '../../db/react';
import { requestPersistence } from '../../db/storageStatus';
import { errorText } from '../../stores/actionErrors';
import { formatBytes, formatDateTime } from './format';
import { useStorageStatus } from './useStorageStatus';

/** Settings → Storage: is the data kept, how much space it takes, when the last backup was exported. */
export function StorageSection() {
  const { status, refresh } = useStorageStatus();
  const info = useDbQuery(loadBackupInfo, []);
  const [message, setMessage] = useState<string | null>(null);
  const ask = async () => {
    try {
      const granted = await requestPersistence();
      setMessage(
        granted
          ? 'The browser will keep Cardinal’s data.'
          : 'The browser did not agree. Browsers grant this to sites you use often or install; exporting backups keeps you safe meanwhile.',
      );
    } catch (error) {
      setMessage(`The browser could not be asked: ${errorText(error)}`);
    }
    refresh();
  };
  return (
    <section aria-labelledby="storage-heading" className="settings-block">
      <h2 id="storage-heading">Storage</h2>
      {status === undefined ? (
        <p role="status">Reading storage…</p>
      ) : (
        <dl className="storage-facts">
          <dt>Kept by the browser</dt>
          <dd>
            {status.persisted === null
              ? 'This browser cannot say.'
              : status.persisted
                ? 'Yes: persistent storage. Only you can clear it.'
                : 'No: the browser may clear it when space runs low.'}
          </dd>
          <dt>Space used</dt>
          <dd>
            {status.usageBytes === null
              ? 'This browser cannot say.'
              : `${formatBytes(status.usageBytes)}${status.quotaBytes ? ` of ${formatBytes(status.quotaBytes)} available` : ''}`}
          </dd>
          <dt>Last backup exported</dt>
          <dd>
            {info?.lastBackupAt ? formatDateTime(info.lastBackupAt) : 'Never.'}{' '}
            <Link to="/transfer">Export a backup</Link>
          </dd>
        </dl>
      )}
      {status?.persisted === false && (
        <button type="button" onClick={() => void ask()}>
          Ask the browser to keep Cardinal’s data
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
