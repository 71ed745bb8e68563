/**
 * One chart, drawn with uPlot, with what a screen reader and a keyboard user need: a title, a plain-text
 * summary, and the same numbers as a table (behind "Show as table"). Colours come from CSS custom properties, so
 * the chart follows the light or dark theme (it is redrawn when the theme changes). uPlot is loaded with the
 * first chart, and not at all where there is no canvas (jsdom): the table and the summary carry the data there.
 */
import 'uplot/dist/uPlot.min.css';
import './charts.css';
import { useEffect, useId, useRef, useState } from 'react';
import type uPlot from 'uplot';

/** A colour name: a CSS custom property without its `--`, e.g. "new" or "chart-2". */
export type ChartColor = string;

export type ChartSeries = {
  label: string;
  values: ReadonlyArray<number | null>;
  color: ChartColor;
  /** Bars (default), a line, or a line with points. */
  kind?: 'bars' | 'line' | 'points';
  dashed?: boolean;
};

export type ChartSpec = {
  /** Times as epoch ms (a time axis), or category labels (one per value). */
  x: { times: readonly number[] } | { labels: readonly string[] };
  series: readonly ChartSeries[];
  /** Bars stacked on one another, in series order from the bottom. */
  stacked?: boolean;
  /** The value axis's range, e.g. [0, 1]; automatic otherwise. */
  yRange?: [number, number];
  /** How to write a value on the axis and in the legend. */
  format?: (value: number) => string;
  /** Labelled horizontal lines, e.g. a pass mark or the desired retention. */
  marks?: ReadonlyArray<{ value: number; label: string }>;
};

export type ChartTable = {
  caption: string;
  columns: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
};

type Props = {
  title: string;
  /** What the chart shows, in words (read by screen readers, shown under the chart). */
  summary: string;
  spec: ChartSpec;
  /** The numbers as a table; leave it out only when the page shows the same numbers in a table of its own. */
  table?: ChartTable;
  height?: number;
};

export function Chart({ title, summary, spec, table, height = 220 }: Props) {
  const id = useId();
  const empty = spec.series.every((s) => s.values.every((v) => v === null || v === 0));
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      {!empty && <ChartCanvas spec={spec} height={height} label={title} describedBy={`${id}-summary`} />}
      <p id={`${id}-summary`} className="chart-summary">
        {summary}
      </p>
      {table && table.rows.length > 0 && (
        <details className="chart-table">
          <summary>Show as table</summary>
          <div className="table-scroll">
            <table>
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered
                  <tr key={i}>
                    {row.map((cell, j) =>
                      j === 0 ? (
                        <th key={table.columns[j]} scope="row">
                          {cell}
                        </th>
                      ) : (
                        <td key={table.columns[j]}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}

function canDraw(): boolean {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return false;
  return /jsdom/i.test(navigator.userAgent) === false;
}

function ChartCanvas({
  spec,
  height,
  label,
  describedBy,
}: {
  spec: ChartSpec;
  height: number;
  label: string;
  describedBy: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [theme, setTheme] = useState(0);

  useEffect(() => {
    if (!canDraw()) return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setTheme((t) => t + 1);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || !canDraw()) return;
    let plot: uPlot | undefined;
    let cancelled = false;
    let observer: ResizeObserver | undefined;
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      plot = new UPlot(optionsFor(UPlot, spec, el, height, theme), dataFor(spec), el);
      observer = new ResizeObserver(() => plot?.setSize({ width: el.clientWidth, height }));
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [spec, height, theme]);

  return (
    <div ref={box} className="chart-canvas" role="img" aria-label={label} aria-describedby={describedBy} />
  );
}

function dataFor(spec: ChartSpec): uPlot.AlignedData {
  const xs = 'times' in spec.x ? spec.x.times.map((t) => t / 1000) : spec.x.labels.map((_, i) => i);
  let running = xs.map(() => 0);
  const ys = spec.series.map((s) => {
    if (!spec.stacked) return [...s.values];
    running = running.map((sum, i) => sum + (s.values[i] ?? 0));
    return running;
  });
  return [xs, ...ys] as uPlot.AlignedData;
}

function optionsFor(
  UPlot: typeof uPlot,
  spec: ChartSpec,
  el: HTMLElement,
  height: number,
  _theme: number,
): uPlot.Options {
  const css = getComputedStyle(el);
  const color = (name: string) => css.getPropertyValue(`--${name}`).trim() || '#888';
  const text = color('text');
  const grid = color('border');
  const format = spec.format ?? ((v: number) => String(Math.round(v * 100) / 100));
  const labels = 'labels' in spec.x ? spec.x.labels : null;
  const bars = UPlot.paths.bars?.({ size: [0.8, 40], align: 0 });
  const series: uPlot.Series[] = spec.series.map((s, i) => {
    const kind = s.kind ?? 'bars';
    return {
      label: s.label,
      stroke: color(s.color),
      fill: kind === 'bars' ? color(s.color) : undefined,
      width: kind === 'bars' ? 0 : 2,
      dash: s.dashed ? [6, 4] : undefined,
      paths: kind === 'bars' ? bars : undefined,
      points: { show: kind === 'points' },
      spanGaps: kind !== 'bars',
      // Stacked series hold running sums; the legend shows each series' own value.
      value: (_u, _v, _si, idx) => {
        const own = idx === null ? null : (spec.series[i]?.values[idx] ?? null);
        return own === null ? '–' : format(own);
      },
    };
  });
  // uPlot draws later series over earlier ones: stacked bars are drawn tallest (last) first.
  const order = spec.stacked ? [...series.keys()].reverse() : [...series.keys()];
  const axisStyle = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
  return {
    width: el.clientWidth || 600,
    height,
    series: [
      labels ? { label: '', value: (_u, v) => (v === null ? '' : (labels[v] ?? '')) } : {},
      ...order.map((i) => series[i] as uPlot.Series),
    ],
    scales: {
      x: labels
        ? { time: false, range: [-0.5, labels.length - 0.5] }
        : // A single instant gets a day either side, so it is not drawn on a zero-width axis.
          { time: true, range: (_u, min, max) => (min === max ? [min - 86_400, max + 86_400] : [min, max]) },
      y: spec.yRange ? { range: spec.yRange } : { range: (_u, _min, max) => [0, Math.max(1, max)] },
    },
    axes: [
      labels
        ? {
            ...axisStyle,
            splits: () => labels.map((_, i) => i),
            values: (_u, splits) => splits.map((i) => labels[i] ?? ''),
            grid: { show: false },
          }
        : { ...axisStyle },
      { ...axisStyle, values: (_u, splits) => splits.map(format), size: 56 },
    ],
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    hooks: {
      draw: [
        (u) => {
          for (const mark of spec.marks ?? []) {
            const { ctx } = u;
            const y = u.valToPos(mark.value, 'y', true);
            ctx.save();
            ctx.strokeStyle = color('accent');
            ctx.fillStyle = color('accent');
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([8 * devicePixelRatio, 6 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
            ctx.textAlign = 'right';
            ctx.fillText(mark.label, u.bbox.left + u.bbox.width - 4, y - 4 * devicePixelRatio);
            ctx.restore();
          }
        },
      ],
    },
  };
}
