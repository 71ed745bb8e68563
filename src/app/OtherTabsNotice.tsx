import { useDbConnection } from '../stores/dbConnection';

/** What other tabs did to this tab's database connection, and what to do about it. */
export function OtherTabsNotice() {
  const { replaced, blocked } = useDbConnection();
  if (replaced)
    return (
      <div className="tab-notice" role="alert">
        <p>Cardinal was updated in another tab. Reload this tab to continue; everything you saved is kept.</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  if (blocked)
    return (
      <div className="tab-notice" role="alert">
        <p>
          Another Cardinal tab is still open with the previous version. Reload or close it, and this tab will
          continue.
        </p>
      </div>
    );
  return null;
}
