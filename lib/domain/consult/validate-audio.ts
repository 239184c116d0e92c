// "Every case can be completed, and passed, along an audio-only path" (content/README.md).
import type { CaseChoice, CaseDef } from '@/lib/content/schemas/case';
import { controlKeyOf } from './control-key';
import { exploreStates } from './explore';
import { propagateLabels, type Label } from './labels';
import { finishConsult } from './score';
import type { ConsultResult, ConsultState } from './types';

const switchesToAudio = (c: CaseChoice) => c.action === 'technology' && c.effects?.connection === 'audio';
const needsVideo = (c: CaseChoice) => (c.requires?.connection.length ?? 0) > 0 && !c.requires?.connection.includes('audio');

/**
 * The choices an audio-only learner considers. While on video: if a technology choice that sets the
 * connection to audio is offered, only such choices (they switch as early as the case allows);
 * otherwise nothing whose requires.connection excludes audio. Never a choice that sets video.
 */
function audioLearnerChoices(state: ConsultState, available: CaseChoice[]): CaseChoice[] {
  const usable = available.filter((c) => c.effects?.connection !== 'video');
  if (state.connection !== 'video') return usable;
  const switches = usable.filter(switchesToAudio);
  return switches.length > 0 ? switches : usable.filter((c) => !needsVideo(c));
}

function grade(caseDef: CaseDef, state: ConsultState, domains: string[], label: Label): ConsultResult | undefined {
  const scores = Object.fromEntries(domains.map((d, i) => [d, label.scores[i] ?? 0]));
  const flags = caseDef.rubric.criticalActions.filter((_a, bit) => (label.mask & (1 << bit)) !== 0).map((a) => a.flag);
  const finished = finishConsult(caseDef, { ...state, scores, flags }, caseDef.note.expert);
  return finished.ok ? finished.result : undefined;
}

/**
 * The audio-only rule, as the validator plays it: a learner who switches to audio as early as the case
 * offers a `technology` choice that sets audio (or whose video freezes or drops first), never uses a
 * video-only choice, never goes back to video, must end off video (audio, sms, frozen or dropped) and
 * pass with the expert note. A case that starts on audio or sms only has to stay off video.
 */
export function checkAudioOnly(caseDef: CaseDef, maxStates: number): string[] {
  const prefix = 'no audio-only passing path';
  if (caseDef.rubric.criticalActions.length > 30) return [`${prefix} could be checked: more than 30 critical actions`];
  const exploration = exploreStates(caseDef, {
    maxStates,
    key: controlKeyOf(caseDef),
    choose: audioLearnerChoices,
    keep: (from, to) => from.connection === 'video' || to.connection !== 'video',
  });
  const search = exploration.truncated ? undefined : propagateLabels(caseDef, exploration, maxStates);
  if (search === undefined || search.truncated) return [`case too large to verify the audio-only path: more than ${maxStates} states`];
  const ends = exploration.states.flatMap((s, i) => (s.ended && s.connection !== 'video' ? [i] : []));
  if (ends.length === 0) {
    return [`${prefix}: no path ends off video for a learner who switches to audio as early as possible (offer a technology choice that sets connection: audio, and let the case go on without video)`];
  }
  const results = ends.flatMap((i) => {
    const state = exploration.states[i];
    return state === undefined ? [] : (search.labels[i] ?? []).flatMap((label) => grade(caseDef, state, search.domains, label) ?? []);
  });
  if (results.some((r) => r.passed)) return [];
  if (results.length === 0) return [`${prefix}: every audio-only path to an end commits a critical error`];
  const complete = results.filter((r) => r.criticalActions.missed.length === 0);
  if (complete.length > 0) {
    const best = Math.max(...complete.map((r) => r.total.percent));
    return [`${prefix}: the best audio-only total is ${best}%, below pass.minScore ${caseDef.pass.minScore}%`];
  }
  const never = caseDef.rubric.criticalActions.filter((a) => results.every((r) => r.criticalActions.missed.includes(a.id)));
  if (never.length > 0) return [`${prefix}: on audio, critical action ${never.map((a) => `'${a.id}'`).join(', ')} cannot be done`];
  return [`${prefix}: no audio-only path does every critical action without a critical error`];
}
