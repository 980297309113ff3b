// Small SVG plots for the odds panel, built node by node with createElementNS (never markup): ranges (p10–p90
// bars with the mean marked, one row per item, one bar per run) and stacked bars of fractions. The geometry
// (scales, ticks, segments) is pure and unit-tested; the two runs differ in colour AND in fill and marker shape.
import { m } from '../i18n';

const NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | null | undefined>;

/** An SVG element; strings become text nodes (labels from scenarios are never parsed). */
export function svg(tag: string, attrs: Attrs = {}, ...children: (Node | string | null)[]): SVGElement {
  const node = document.createElementNS(NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs))
    if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children)
    if (c !== null) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

export type Scale = (value: number) => number;

/** A linear map from [d0, d1] onto [r0, r1]; values outside the domain are clamped to it. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): Scale {
  const span = d1 - d0 || 1;
  return (v) => {
    const t = Math.min(1, Math.max(0, (v - d0) / span));
    return Math.round((r0 + t * (r1 - r0)) * 10) / 10;
  };
}

/** A domain that covers [min, max] with round ends (multiples of `step`), never empty. */
export function niceDomain(min: number, max: number, step = 5): [number, number] {
  const lo = Math.floor(Math.min(min, max) / step) * step;
  let hi = Math.ceil(Math.max(min, max) / step) * step;
  if (hi === lo) hi = lo + step;
  return [lo === 0 ? 0 : lo, hi];
}

/** About `count` round tick values inside a domain (1, 2 or 5 times a power of ten apart). */
export function ticks([d0, d1]: [number, number], count = 5): number[] {
  const raw = (d1 - d0) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(d0 / step) * step; v <= d1 + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

export interface Segment {
  key: string;
  x: number;
  width: number;
  fraction: number;
}

/** Fractions laid end to end across [x0, x1], in the order given; they need not sum to one. */
export function stackSegments(parts: { key: string; fraction: number }[], [x0, x1]: [number, number]) {
  const out: Segment[] = [];
  let at = 0;
  for (const p of parts) {
    if (p.fraction <= 0) continue;
    const a = x0 + at * (x1 - x0);
    at += p.fraction;
    const b = x0 + Math.min(1, at) * (x1 - x0);
    out.push({
      key: p.key,
      x: Math.round(a * 10) / 10,
      width: Math.round((b - a) * 10) / 10,
      fraction: p.fraction,
    });
  }
  return out;
}

export interface Range {
  mean: number;
  p10: number;
  p90: number;
}

export interface RangeRow {
  label: string;
  runs: (Range | null)[]; // one per run, in run order (null: that run has no value here)
}

/** Where a run's bar and mean marker go on a row: bar from x to x+width, mean at cx. */
export function rangeGeometry(r: Range, scale: Scale) {
  const x = scale(Math.min(r.p10, r.p90));
  return { x, width: Math.max(2, scale(Math.max(r.p10, r.p90)) - x), cx: scale(r.mean) };
}

export const RUN_STYLES = [
  { colour: '#56b4e9', fill: 'solid', marker: 'circle', words: () => m.plots_run_first() },
  { colour: '#e69f00', fill: 'hatched', marker: 'diamond', words: () => m.plots_run_second() },
] as const;

let patternId = 0;

const ROW_H = 14; // per run
const CHAR_W = 6.3; // px per character of an 11px label, roughly

/** The width of the label column for these labels (they are cut to fit at 200px). */
export const labelWidth = (labels: string[]): number =>
  Math.round(Math.min(200, Math.max(56, ...labels.map((l) => l.length * CHAR_W + 16))));

/** A row label, shortened with "…" when it is wider than the column; the full text is its tooltip. */
function rowLabel(text: string, x: number, y: number, width: number): SVGElement {
  const max = Math.floor((width - 10) / CHAR_W);
  const shown = text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
  return svg('text', { x, y, 'text-anchor': 'end' }, shown, svg('title', {}, text));
}
const AXIS_H = 22;

function marker(kind: string, cx: number, cy: number, colour: string): SVGElement {
  const common = { fill: colour, stroke: '#0b1020', 'stroke-width': 1.5 };
  if (kind === 'circle') return svg('circle', { cx, cy, r: 4.5, ...common });
  return svg('path', {
    d: `M${cx} ${cy - 5.5}L${cx + 5.5} ${cy}L${cx} ${cy + 5.5}L${cx - 5.5} ${cy}Z`,
    ...common,
  });
}

function hatch(id: string, colour: string): SVGElement {
  return svg(
    'pattern',
    { id, width: 5, height: 5, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    svg('rect', { width: 5, height: 5, fill: colour, 'fill-opacity': 0.35 }),
    svg('rect', { width: 2.5, height: 5, fill: colour }),
  );
}

/** Ranges on one shared axis: a row per item, one bar per run, the axis ticks and a zero line if in range. */
export function rangePlot(
  rows: RangeRow[],
  domain: [number, number],
  label: string,
  width = 640,
): SVGElement {
  const runs = Math.max(1, ...rows.map((r) => r.runs.length));
  const rowH = runs * ROW_H + 8;
  const height = rows.length * rowH + AXIS_H + 4;
  const LABEL_W = labelWidth(rows.map((r) => r.label));
  const scale = linearScale(domain, [LABEL_W, width - 12]);
  const id = `hatch-${++patternId}`;
  const plot = svg('svg', {
    class: 'plot',
    role: 'img',
    'aria-label': label,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'data-testid': 'odds-plot',
  });
  plot.appendChild(svg('defs', {}, hatch(id, RUN_STYLES[1].colour)));
  for (const t of ticks(domain, 8)) {
    const x = scale(t);
    plot.appendChild(
      svg('line', { x1: x, x2: x, y1: 0, y2: height - AXIS_H, class: t === 0 ? 'zero' : 'grid' }),
    );
    plot.appendChild(
      svg(
        'text',
        { x, y: height - 6, 'text-anchor': 'middle', class: 'tick' },
        t < 0 ? `\u2212${-t}` : String(t),
      ),
    );
  }
  rows.forEach((row, i) => {
    const y0 = i * rowH + 4;
    const g = svg('g', { class: 'row' });
    g.appendChild(rowLabel(row.label, LABEL_W - 8, y0 + (runs * ROW_H) / 2 + 4, LABEL_W));
    row.runs.forEach((r, k) => {
      if (!r) return;
      const style = RUN_STYLES[k % RUN_STYLES.length]!;
      const { x, width: w, cx } = rangeGeometry(r, scale);
      const y = y0 + k * ROW_H + 2;
      const fill = style.fill === 'solid' ? style.colour : `url(#${id})`;
      g.appendChild(svg('rect', { x, y, width: w, height: ROW_H - 4, rx: 2, fill, stroke: style.colour }));
      g.appendChild(marker(style.marker, cx, y + (ROW_H - 4) / 2, style.colour));
    });
    plot.appendChild(g);
  });
  return plot;
}

export interface StackRow {
  label: string;
  bars: { parts: { key: string; fraction: number; colour: string; name: string }[] }[]; // one per run
}

/** Relative luminance of a "#rrggbb" colour (0 black … 1 white), to pick a readable label colour. */
export function luminance(hex: string): number {
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!rgb) return 0.5;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map((c) => {
    const v = parseInt(c!, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Stacked bars of fractions (0…1), one bar per run on each row; segments wide enough carry their key. */
export function stackPlot(rows: StackRow[], label: string, runLabels: string[], width = 640): SVGElement {
  const runs = Math.max(1, ...rows.map((r) => r.bars.length));
  const LABEL_W = labelWidth(rows.map((r) => r.label));
  const barH = 16;
  const rowH = runs * (barH + 3) + 8;
  const height = rows.length * rowH + 4;
  const plot = svg('svg', {
    class: 'plot',
    role: 'img',
    'aria-label': label,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'data-testid': 'odds-plot',
  });
  const id = `none-${++patternId}`;
  plot.appendChild(svg('defs', {}, hatch(id, '#8a94a8')));
  rows.forEach((row, i) => {
    const y0 = i * rowH + 4;
    const g = svg('g', { class: 'row' });
    g.appendChild(rowLabel(row.label, LABEL_W - 8, y0 + (runs * (barH + 3)) / 2 + 3, LABEL_W));
    row.bars.forEach((bar, k) => {
      const y = y0 + k * (barH + 3);
      if (runLabels.length > 1)
        g.appendChild(svg('text', { x: LABEL_W + 2, y: y + barH - 4, class: 'run' }, runLabels[k] ?? ''));
      const x0 = LABEL_W + 16;
      for (const s of stackSegments(bar.parts, [x0, width - 12])) {
        const part = bar.parts.find((p) => p.key === s.key)!;
        const fill = part.key === 'none' ? `url(#${id})` : part.colour;
        g.appendChild(
          svg(
            'rect',
            {
              x: s.x,
              y,
              width: s.width,
              height: barH,
              fill,
              // a dark controller's segment gets a light edge, or it would vanish into the dark page
              stroke: luminance(part.colour) < 0.05 ? '#9aa6bd' : '#0b1020',
              'stroke-width': 1,
            },
            svg('title', {}, `${part.name}: ${Math.round(s.fraction * 100)}%`),
          ),
        );
        if (s.width >= 46)
          g.appendChild(
            svg(
              'text',
              {
                x: s.x + s.width / 2,
                y: y + barH - 4,
                'text-anchor': 'middle',
                class: luminance(part.colour) > 0.3 && part.key !== 'none' ? 'on-light' : 'on-dark',
              },
              `${part.key === 'none' ? '—' : part.key} ${Math.round(s.fraction * 100)}%`,
            ),
          );
      }
    });
    plot.appendChild(g);
  });
  return plot;
}
