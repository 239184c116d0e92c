import { useEffect, useRef, useState } from 'react';
import { MINUTE_SECONDS, breathLength, breathOnsets, chestExpansion, formatAge, shownTime, within } from '@/lib/domain/breathing';
import type { BreathScenario } from '@/lib/content/schemas/trainer';
import { Drawing, dentPath } from './Drawing';
import { createBreather } from './sound';

export type View = 'moving' | 'still';
type Props = { scenario: BreathScenario; view: View; sound: boolean; onDone: (seconds: number, taps: number) => void };

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** One counted minute: the drawing breathes on the scenario's schedule, a visible timer runs, then it hands over. */
export function Stage({ scenario, view, sound, onDone }: Props) {
  const body = useRef<SVGGElement>(null);
  const chest = useRef<SVGGElement>(null);
  const dent = useRef<SVGPathElement>(null);
  const marker = useRef<SVGCircleElement>(null);
  const [seconds, setSeconds] = useState(0);
  const [taps, setTaps] = useState(0);
  const tapsRef = useRef(0);
  const tapButton = useRef<HTMLButtonElement>(null);
  // Focus goes to the tally, so a keyboard user can tap along at once (the Start button is gone).
  useEffect(() => tapButton.current?.focus(), []);
  const finished = useRef(false);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });
  const finish = (at: number) => {
    if (finished.current) return;
    finished.current = true;
    onDoneRef.current(at, tapsRef.current);
  };

  useEffect(() => {
    const pauses = scenario.pauses;
    const onsets = breathOnsets({ rate: scenario.rate, pauses, seed: scenario.id });
    const length = breathLength(scenario.rate, pauses.reduce((sum, p) => sum + p.seconds, 0));
    const freeze = scenario.freeze ? { at: scenario.freeze.at, seconds: scenario.freeze.seconds ?? MINUTE_SECONDS } : null;
    const breather = sound ? createBreather() : null;
    const start = performance.now();
    let heard = 0;
    let frame = 0;
    const draw = () => {
      const t = Math.min((performance.now() - start) / 1000, MINUTE_SECONDS);
      const shown = shownTime(t, freeze);
      const e = chestExpansion(onsets, shown, length);
      const moving = within(scenario.artefacts, shown);
      if (view === 'moving') {
        chest.current?.setAttribute('transform', `translate(120 118) scale(${1 + 0.08 * e} ${1 + 0.06 * e}) translate(-120 -118)`);
        const wobble = moving ? Math.sin(shown * 9) : 0;
        body.current?.setAttribute('transform', `translate(${(wobble * 10).toFixed(1)} ${(Math.abs(wobble) * 4).toFixed(1)}) rotate(${(wobble * 5).toFixed(1)} 120 110)`);
        dent.current?.setAttribute('d', dentPath(scenario.indrawing ? 20 * e : 0));
      } else {
        const on = e > 0.5;
        marker.current?.setAttribute('fill-opacity', on ? '1' : '0.12');
        dent.current?.setAttribute('d', dentPath(scenario.indrawing && on ? 20 : 0));
        body.current?.setAttribute('opacity', moving ? '0.45' : '1');
      }
      // One tone per breath actually shown: a frozen picture (or line) gives none, and a jump skips them.
      const started = onsets.filter((o) => o <= shown).length;
      if (started === heard + 1 && !(freeze && t >= freeze.at && t < freeze.at + freeze.seconds)) breather?.breath();
      heard = started;
      setSeconds(Math.floor(t));
      if (t >= MINUTE_SECONDS) finish(MINUTE_SECONDS);
      else frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    // The timer must end the minute even when frames are not drawn (a background tab).
    const guard = setInterval(() => {
      if (performance.now() - start >= MINUTE_SECONDS * 1000) finish(MINUTE_SECONDS);
    }, 500);
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(guard);
      breather?.close();
    };
  }, [scenario, view, sound]);

  const { name, age, sex } = scenario.child;
  const label = `Drawing of ${name}'s bare chest and tummy, a ${sex} of ${formatAge(age)}, ${view === 'moving' ? 'breathing' : 'with a mark that lights at each breath in'}. Count the breaths.`;
  return (
    <div className="mt-4 space-y-3">
      <p className="m-0">{scenario.setting}</p>
      <Drawing refs={{ body, chest, dent, marker }} label={label} still={view === 'still'} />
      <p className="m-0 text-2xl font-semibold tabular-nums" role="timer" aria-label={`Time counted: ${clock(seconds)} of 1:00`}>
        {clock(seconds)} <span className="text-base font-normal text-muted">of 1:00</span>
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          ref={tapButton}
          type="button"
          className="btn"
          onClick={() => {
            tapsRef.current += 1;
            setTaps(tapsRef.current);
          }}
        >
          Tap for each breath ({taps})
        </button>
        <button type="button" className="btn" onClick={() => finish(seconds)}>
          Stop counting: the picture is not reliable
        </button>
      </div>
    </div>
  );
}
