import { formatPercent } from './BreakdownTable';

export type ScorePoint = { id: string; at: number; percent: number; passMark: number };

const WIDTH = 600;
const HEIGHT = 240;
// Room on the left for the tick labels, which are drawn larger on a phone (see exam.css).
const PAD = { left: 52, right: 16, top: 16, bottom: 32 };

/**
 * Practice exam scores over time as a plain SVG line chart (0–100 %), with the latest pass mark as a dashed
 * line. The SVG is described for screen readers; the table next to it carries the same numbers.
 */
export function ScoreChart({ points }: { points: readonly ScorePoint[] }) {
  if (points.length === 0) return <p>No finished exams of this deck yet.</p>;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (percent: number) => PAD.top + innerH - (percent / 100) * innerH;
  const passMark = points.at(-1)?.passMark ?? 70;
  const last = points.at(-1);
  const summary = `${points.length === 1 ? '1 exam' : `${points.length} exams`}; latest ${last ? formatPercent(last.percent) : ''}, best ${formatPercent(
    Math.max(...points.map((p) => p.percent)),
  )}; pass mark ${passMark} %.`;
  return (
    <figure className="score-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="score-chart-title score-chart-desc"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id="score-chart-title">Practice exam scores over time</title>
        <desc id="score-chart-desc">{summary}</desc>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tick}%
            </text>
          </g>
        ))}
        <line className="chart-pass" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(passMark)} y2={y(passMark)} />
        <polyline className="chart-line" points={points.map((p, i) => `${x(i)},${y(p.percent)}`).join(' ')} />
        {points.map((p, i) => (
          <circle
            key={p.id}
            className={p.percent >= p.passMark ? 'chart-point passed' : 'chart-point'}
            cx={x(i)}
            cy={y(p.percent)}
            r={5}
          />
        ))}
        <text x={PAD.left} y={HEIGHT - 8} className="chart-axis">
          {new Date(points[0]?.at ?? 0).toLocaleDateString()}
        </text>
        {points.length > 1 && (
          <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="chart-axis">
            {new Date(last?.at ?? 0).toLocaleDateString()}
          </text>
        )}
      </svg>
      <figcaption>{summary} The dashed line is the pass mark.</figcaption>
    </figure>
  );
}
