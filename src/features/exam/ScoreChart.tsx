import { Chart } from '../../ui/charts/Chart';
import { formatPercent } from './BreakdownTable';

export type ScorePoint = { id: string; at: number; percent: number; passMark: number };

/**
 * Practice exam scores on a time axis (0–100 %), with the latest pass mark as a labelled dashed line, drawn with
 * the shared uPlot chart. The readiness page's table next to it carries the same numbers, with links.
 */
export function ScoreChart({ points }: { points: readonly ScorePoint[] }) {
  if (points.length === 0) return <p>No finished exams of this deck yet.</p>;
  const passMark = points.at(-1)?.passMark ?? 70;
  const last = points.at(-1);
  const best = Math.max(...points.map((p) => p.percent));
  const summary = `${points.length === 1 ? '1 exam' : `${points.length} exams`}; latest ${last ? formatPercent(last.percent) : ''}, best ${formatPercent(best)}; pass mark ${passMark} % (the dashed line).`;
  return (
    <Chart
      title="Practice exam scores over time"
      summary={summary}
      spec={{
        x: { times: points.map((p) => p.at) },
        yRange: [0, 100],
        format: (v) => `${Math.round(v * 10) / 10} %`,
        series: [{ label: 'Score', color: 'chart-1', kind: 'points', values: points.map((p) => p.percent) }],
        marks: [{ value: passMark, label: `Pass mark ${passMark} %` }],
      }}
    />
  );
}
