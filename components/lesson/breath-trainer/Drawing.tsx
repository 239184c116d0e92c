import { type Ref } from 'react';

export type DrawingRefs = {
  body: Ref<SVGGElement>;
  chest: Ref<SVGGElement>;
  dent: Ref<SVGPathElement>;
  marker: Ref<SVGCircleElement>;
};

/**
 * A child's bare chest and tummy, drawn (no video, no photo). Stage moves its parts each frame:
 * `chest` swells on breathing in, `dent` is the lower chest drawing in (indrawing), `marker` lights
 * at each breath in the still view, and `body` shifts when the child wriggles or the phone moves.
 */
export function Drawing({ refs, label, still }: { refs: DrawingRefs; label: string; still: boolean }) {
  return (
    <svg viewBox="0 0 240 190" role="img" aria-label={label} className="h-auto w-full max-w-sm rounded-md" style={{ background: "#f4efe6" }}>
      <g ref={refs.body}>
        <circle cx="120" cy="26" r="20" fill="#d8a878" />
        <path d="M62 62 Q120 40 178 62 L190 120 Q196 150 170 178 L70 178 Q44 150 50 120 Z" fill="#e7bd92" />
        <g ref={refs.chest}>
          <path d="M70 70 Q120 56 170 70 L176 118 Q120 132 64 118 Z" fill="#ecc59d" stroke="#b98a5e" strokeWidth="1.5" />
          <path d="M78 86 Q120 78 162 86 M74 100 Q120 92 166 100 M72 112 Q120 106 168 112" fill="none" stroke="#c99a6c" strokeWidth="1.2" />
          <ellipse cx="120" cy="148" rx="46" ry="24" fill="#e9c198" stroke="#b98a5e" strokeWidth="1.2" />
          <circle cx="120" cy="150" r="2.2" fill="#a87850" />
        </g>
        <path ref={refs.dent} d="M70 122 Q120 136 170 122 Q120 136 70 122 Z" fill="#8a5a36" fillOpacity="0.55" />
      </g>
      {still ? (
        <g>
          <circle ref={refs.marker} cx="214" cy="30" r="11" fill="#1f6f5c" fillOpacity="0.12" stroke="#1f6f5c" />
          <text x="214" y="56" textAnchor="middle" fontSize="10" fill="#1f3b34">
            in
          </text>
        </g>
      ) : null}
    </svg>
  );
}

/** The outline of the lower chest: pulled in (upwards) by `depth` pixels at the middle. */
export function dentPath(depth: number): string {
  const y = 136 - depth;
  return `M70 122 Q120 136 170 122 Q120 ${y.toFixed(1)} 70 122 Z`;
}
