import type { CaseChoice, CaseDef, Connection } from '@/lib/content/schemas/case';
import { findNode } from './graph';
import { availableChoices } from './state';
import type { ConsultMessage, ConsultState, FiredEvent, StepResult } from './types';

/**
 * Takes one choice. Order: the choice's effects (scores, flags, connection), then the clock, then every
 * timed event whose minute is crossed (old < atMinute <= new, in time order; applied only if the
 * connection is then in its `when`), then the next node's `connection`. Never mutates `state`.
 */
export function stepConsult(caseDef: CaseDef, state: ConsultState, choiceId: string): StepResult {
  if (state.ended) return { ok: false, error: 'ended' };
  const node = findNode(caseDef, state.nodeId);
  const choice = node?.choices.find((c) => c.id === choiceId);
  if (choice === undefined) return { ok: false, error: 'unknown_choice' };
  if (!availableChoices(caseDef, state).includes(choice)) return { ok: false, error: 'not_available' };
  return { ok: true, ...applyChoice(caseDef, state, choice) };
}

function applyChoice(caseDef: CaseDef, state: ConsultState, choice: CaseChoice): { state: ConsultState; messages: ConsultMessage[] } {
  const step = state.step + 1;
  const effects = choice.effects;
  const scores = { ...state.scores };
  for (const [domain, points] of Object.entries(effects?.scores ?? {})) {
    if (points !== undefined) scores[domain] = (scores[domain] ?? 0) + points;
  }
  const flags = [...new Set([...state.flags, ...(effects?.flags ?? [])])].sort();
  const minute = state.minute + choice.minutes;
  const timed = fireEvents(caseDef, state, effects?.connection ?? state.connection, minute, step);
  const next = findNode(caseDef, choice.next);
  return {
    messages: timed.messages,
    state: {
      nodeId: choice.next,
      step,
      minute,
      connection: next?.connection ?? timed.connection,
      flags,
      scores,
      taken: [...state.taken, choice.id],
      path: [
        ...state.path,
        { step, nodeId: state.nodeId, choiceId: choice.id, minute: state.minute, connectionBefore: state.connection },
      ],
      events: [...state.events, ...timed.fired],
      ended: next?.end !== undefined,
    },
  };
}

function fireEvents(
  caseDef: CaseDef,
  state: ConsultState,
  connectionAfterEffects: Connection,
  minute: number,
  step: number,
): { connection: Connection; fired: FiredEvent[]; messages: ConsultMessage[] } {
  const alreadyFired = new Set(state.events.map((e) => e.index));
  const crossed = caseDef.events
    .map((event, index) => ({ event, index }))
    .filter(({ event, index }) => state.minute < event.atMinute && event.atMinute <= minute && !alreadyFired.has(index))
    .sort((a, b) => a.event.atMinute - b.event.atMinute || a.index - b.index);
  let connection = connectionAfterEffects;
  const fired: FiredEvent[] = [];
  const messages: ConsultMessage[] = [];
  for (const { event, index } of crossed) {
    if (event.when !== undefined && !event.when.includes(connection)) continue;
    connection = event.connection;
    fired.push({ index, step });
    messages.push({ text: event.text, connection });
  }
  return { connection, fired, messages };
}
