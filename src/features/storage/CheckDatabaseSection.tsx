import { useState } from 'react';
import { type CheckReport, checkDatabase, type Finding } from '../../db/checkDatabase';
import { useDb } from '../../db/react';
import { takeSnapshot } from '../../db/snapshots';
import { errorText } from '../../stores/actionErrors';
import { now } from '../../stores/clock';

function outcome(f: Finding, repaired: boolean): string {
  if (f.repair === null) return 'cannot be repaired here; a snapshot or backup can bring it back';
  if (!repaired) return f.repair === 'fix' ? 'can be repaired' : 'can be removed';
  return f.repair === 'fix' ? 'repaired' : 'removed';
}

/** Settings → Check database: finds damaged rows and repairs what can be repaired (a snapshot is taken first). */
export function CheckDatabaseSection() {
  const db = useDb();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<CheckReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const check = async () => {
    setBusy(true);
    setFailure(null);
    setReport(null);
    try {
      const found = await checkDatabase(db, { repair: false });
      if (found.findings.some((f) => f.repair !== null)) {
        // Something to repair or report: keep a copy first, then check and repair in one transaction.
        await takeSnapshot(db, 'repair', now());
        setReport(await checkDatabase(db, { repair: true }));
      } else setReport(found);
    } catch (error) {
      setFailure(`The database could not be checked: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="check-heading" className="settings-block">
      <h2 id="check-heading">Check database</h2>
      <p>
        Reads every record, reports damaged ones and repairs what can be repaired (a snapshot is taken before
        any change).
      </p>
      <button type="button" disabled={busy} onClick={() => void check()}>
        {busy ? 'Checking…' : 'Check database'}
      </button>
      <div role="status">
        {failure && <p>{failure}</p>}
        {report &&
          (report.findings.length === 0 ? (
            <p>Checked {report.rowsChecked.toLocaleString()} records: no problems found.</p>
          ) : (
            <>
              <p>
                Checked {report.rowsChecked.toLocaleString()} records: {report.findings.length} problem
                {report.findings.length === 1 ? '' : 's'} found.
              </p>
              <ul className="check-findings">
                {report.findings.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings are a fixed list shown once
                  <li key={i}>
                    {f.table && (
                      <>
                        <strong>{f.table}</strong> {f.row}:{' '}
                      </>
                    )}
                    {f.problem}
                    {f.table && ` (${outcome(f, report.repaired)})`}
                  </li>
                ))}
              </ul>
            </>
          ))}
      </div>
    </section>
  );
}
