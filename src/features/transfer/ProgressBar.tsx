import { useId } from 'react';

/** A labelled progress bar for long imports and exports. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const labelId = useId();
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="transfer-progress">
      <span id={labelId}>{label}</span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="transfer-progress-track"
      >
        <div className="transfer-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
