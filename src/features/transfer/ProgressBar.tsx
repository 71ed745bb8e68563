import { useId } from 'react';

/**
 * A labelled progress bar for long imports and exports. `measured={false}` is a stage whose progress cannot be
 * measured (e.g. parsing a file): no value is announced, as ARIA prescribes for an indeterminate bar.
 */
export function ProgressBar({
  label,
  done,
  total,
  measured = true,
}: {
  label: string;
  done: number;
  total: number;
  measured?: boolean;
}) {
  const labelId = useId();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className={`transfer-progress${measured ? '' : ' transfer-progress-indeterminate'}`}>
      <span id={labelId}>{label}</span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={measured ? percent : undefined}
        className="transfer-progress-track"
      >
        <div className="transfer-progress-fill" style={measured ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
