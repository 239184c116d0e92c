// Server-rendered SVG charts for the cohort dashboard. Each carries its numbers as text (in the
// chart, so it prints in grey, and in a table for screen readers); no chart library ships.
import type { DomainScore, ReadinessStatus } from '@/lib/domain/readiness';

export const statusLabels: Record<ReadinessStatus, string> = { ready: 'Ready', 'on-track': 'On track', behind: 'Behind', 'not-started': 'Not started' };
export const statusOrder: readonly ReadinessStatus[] = ['ready', 'on-track', 'behind', 'not-started'];
// Ready and on track were two dark greens that read as one: on track is now blue, and each status
// also differs without colour (printed grey, or for a reader who does not see the hues): ready is
// solid, on track striped, behind dotted, not started pale; the legend adds a mark to each name.
const statusFill: Record<ReadinessStatus, string> = { ready: '#1d6b3a', 'on-track': '#2f62c9', behind: '#b7791f', 'not-started': '#9aa6b2' };
/** A mark beside each status name, so the legend reads without colour. */
export const statusMark: Record<ReadinessStatus, string> = { ready: '✓', 'on-track': '↗', behind: '!', 'not-started': '○' };
const patterned: Partial<Record<ReadinessStatus, (fill: string) => React.ReactNode>> = {
  'on-track': (fill) => (
    <>
      <rect width="6" height="6" fill={fill} />
      <rect width="2" height="6" fill="#ffffff" fillOpacity="0.55" />
    </>
  ),
  behind: (fill) => (
    <>
      <rect width="6" height="6" fill={fill} />
      <circle cx="3" cy="3" r="1.3" fill="#ffffff" fillOpacity="0.7" />
    </>
  ),
};
const paint = (k: ReadinessStatus) => (patterned[k] ? `url(#status-${k})` : statusFill[k]);

function StatusPatterns() {
  return (
    <defs>
      {statusOrder.map((k) =>
        patterned[k] ? (
          <pattern key={k} id={`status-${k}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform={k === 'on-track' ? 'rotate(45)' : undefined}>
            {patterned[k](statusFill[k])}
          </pattern>
        ) : null,
      )}
    </defs>
  );
}

/** The cohort as one bar split by readiness status, with the counts written beside it. */
export function StatusChart({ counts }: { counts: Record<ReadinessStatus, number> }) {
  const total = statusOrder.reduce((s, k) => s + counts[k], 0);
  const width = 320;
  let x = 0;
  return (
    <figure className="card stack m-0" data-testid="status-chart">
      <svg viewBox={`0 0 ${width} 28`} className="w-full max-w-xl" role="img" aria-labelledby="status-chart-caption">
        <StatusPatterns />
        {total === 0 ? <rect x={0} y={0} width={width} height={24} fill="#eef1f4" /> : null}
        {statusOrder.map((k) => {
          const w = total === 0 ? 0 : (counts[k] / total) * width;
          const rect = <rect key={k} x={x} y={0} width={w} height={24} fill={paint(k)} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption id="status-chart-caption">
        <ul className="flex flex-wrap gap-x-4 m-0 p-0 list-none small" data-testid="status-counts">
          {statusOrder.map((k) => (
            <li key={k} data-status={k}>
              <svg width="12" height="12" aria-hidden="true" className="inline-block me-1">
                <rect width="12" height="12" fill={paint(k)} />
              </svg>
              <span aria-hidden="true">{statusMark[k]} </span>
              {statusLabels[k]}: <strong>{counts[k]}</strong>
              {total > 0 ? ` (${Math.round((counts[k] / total) * 100)}%)` : ''}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Horizontal bars: one per row, value of max, with the number printed at the end of the bar. */
export function BarList({ rows, max, caption, unit, testId }: { rows: readonly { label: string; value: number }[]; max: number; caption: string; unit: string; testId: string }) {
  const rowHeight = 26;
  const labelWidth = 190;
  const barWidth = 150;
  const height = rows.length * rowHeight;
  const clip = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);
  return (
    <figure className="card stack m-0" data-testid={testId}>
      <svg viewBox={`0 0 ${labelWidth + barWidth + 60} ${height}`} className="w-full max-w-2xl" role="img" aria-label={caption}>
        {rows.map((r, i) => {
          const w = max === 0 ? 0 : (r.value / max) * barWidth;
          const y = i * rowHeight;
          return (
            <g key={r.label}>
              <text x={0} y={y + 17} fontSize="13" fill="currentColor">
                {clip(r.label)}
                <title>{r.label}</title>
              </text>
              <rect x={labelWidth} y={y + 5} width={barWidth} height={16} fill="#eef1f4" />
              <rect x={labelWidth} y={y + 5} width={w} height={16} fill="#0f5f68" />
              <text x={labelWidth + barWidth + 6} y={y + 18} fontSize="13" fill="currentColor">
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{caption}</figcaption>
      <table className="sr-only">
        <caption>{caption}</caption>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">{r.label}</th>
              <td>
                {r.value} {unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** The colour band of a domain score; "not assessed" stays white, never red. */
function cellFill(percent: number | null): { fill: string; ink: string } {
  if (percent === null) return { fill: '#ffffff', ink: '#4a5866' };
  if (percent >= 80) return { fill: '#0f5f68', ink: '#ffffff' };
  if (percent >= 60) return { fill: '#7fb8bd', ink: '#17212b' };
  return { fill: '#f3c98b', ink: '#17212b' };
}

export type HeatmapRow = { id: string; name: string; domains: readonly DomainScore[] };

/**
 * Learners × the six domains. Each cell prints its percent (or "—" when nothing has assessed it),
 * so the colours only repeat what the text says. The table below the dashboard holds the same numbers.
 */
export function DomainHeatmap({ rows, domains }: { rows: readonly HeatmapRow[]; domains: readonly { id: string; short: string }[] }) {
  const nameWidth = 150;
  const cell = 46;
  const rowHeight = 22;
  const head = 34;
  const width = nameWidth + domains.length * cell;
  const clip = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
  return (
    <figure className="card stack m-0" data-testid="domain-heatmap">
      <svg viewBox={`0 0 ${width} ${head + rows.length * rowHeight}`} className="w-full max-w-2xl" role="img" aria-labelledby="heatmap-caption">
        {domains.map((d, j) => (
          <text key={d.id} x={nameWidth + j * cell + cell / 2} y={14} fontSize="11" textAnchor="middle" fontWeight="bold" fill="currentColor">
            {d.id}
            <title>{d.short}</title>
          </text>
        ))}
        {rows.map((r, i) => {
          const y = head + i * rowHeight;
          return (
            <g key={r.id}>
              <text x={0} y={y + 15} fontSize="11" fill="currentColor">
                {clip(r.name)}
              </text>
              {domains.map((d, j) => {
                const score = r.domains.find((s) => s.domain === d.id)?.percent ?? null;
                const { fill, ink } = cellFill(score);
                const x = nameWidth + j * cell;
                return (
                  <g key={d.id}>
                    <rect x={x + 1} y={y + 1} width={cell - 2} height={rowHeight - 2} fill={fill} stroke="#d5dde4" strokeDasharray={score === null ? '3 2' : undefined} />
                    <text x={x + cell / 2} y={y + 15} fontSize="11" textAnchor="middle" fill={ink}>
                      {score === null ? '—' : `${score}`}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption id="heatmap-caption" className="small muted">
        Percent of available points earned in each competency domain ({domains.map((d) => `${d.id} ${d.short}`).join('; ')}). Dark: 80 or more;
        mid: 60–79; light orange: below 60; white with a dash: not yet assessed. The learner table below lists the same numbers.
      </figcaption>
    </figure>
  );
}
