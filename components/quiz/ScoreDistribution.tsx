import type { ScoreBin } from '@/lib/domain/quiz';

/** Attempts per ten-point score band, as an inline SVG bar chart with the same numbers in a table for screen readers. */
export function ScoreDistribution({ bins, passMark }: { bins: readonly ScoreBin[]; passMark: number }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const width = 320;
  const height = 140;
  const barWidth = width / bins.length;
  const passX = (passMark / 100) * width;
  return (
    <figure className="card stack" data-testid="score-distribution">
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full max-w-xl" role="img" aria-label="Score distribution">
        {bins.map((bin, i) => {
          const h = (bin.count / max) * height;
          return (
            <g key={bin.from}>
              <rect x={i * barWidth + 2} y={height - h} width={barWidth - 4} height={h} fill="var(--color-brand)" />
              {bin.count > 0 ? (
                <text x={i * barWidth + barWidth / 2} y={Math.max(10, height - h - 3)} textAnchor="middle" fontSize="10" fill="var(--color-ink)">
                  {bin.count}
                </text>
              ) : null}
              <text x={i * barWidth + barWidth / 2} y={height + 14} textAnchor="middle" fontSize="9" fill="var(--color-muted)">
                {bin.from}
              </text>
            </g>
          );
        })}
        <line x1={passX} x2={passX} y1={0} y2={height} stroke="var(--color-danger)" strokeDasharray="4 3" />
      </svg>
      <figcaption className="small muted">Attempts by score, in bands of ten points (the last includes 100). The dashed line is the pass mark, {passMark}%.</figcaption>
      <table className="sr-only">
        <caption>Attempts by score band</caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Attempts</th>
          </tr>
        </thead>
        <tbody>
          {bins.map((bin) => (
            <tr key={bin.from}>
              <td>
                {bin.from}–{bin.to === 100 ? 100 : bin.to - 1}%
              </td>
              <td>{bin.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
