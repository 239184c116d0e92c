// What of a state can still change the rest of a case, so that the validator explores each situation once.
import type { CaseDef, CaseEvent, Connection } from '@/lib/content/schemas/case';
import { findNode, isSelfLoop } from './graph';
import type { ConsultState } from './types';

type Ahead = { flags: Set<string>; selfLoops: Set<string>; connections: Set<Connection> };

/** For each node, what the nodes reachable from it (itself included) read or set. */
function lookAhead(caseDef: CaseDef): Map<string, Ahead> {
  const ahead = new Map<string, Ahead>();
  for (const from of Object.keys(caseDef.nodes)) {
    const info: Ahead = { flags: new Set(), selfLoops: new Set(), connections: new Set() };
    const queue = [from];
    const seen = new Set(queue);
    for (let q = 0; q < queue.length; q++) {
      const id = queue[q] ?? '';
      const node = findNode(caseDef, id);
      if (node?.connection !== undefined) info.connections.add(node.connection);
      for (const choice of node?.choices ?? []) {
        for (const flag of [...(choice.requires?.flags ?? []), ...(choice.requires?.notFlags ?? [])]) info.flags.add(flag);
        if (isSelfLoop(id, choice)) info.selfLoops.add(choice.id);
        if (choice.effects?.connection !== undefined) info.connections.add(choice.effects.connection);
        if (!seen.has(choice.next)) {
          seen.add(choice.next);
          queue.push(choice.next);
        }
      }
    }
    ahead.set(from, info);
  }
  return ahead;
}

/**
 * Whether a timed event still to come could fire: its `when` meets the current connection or one that
 * the nodes ahead can produce. (If none can, no event's own connection can be produced either.)
 */
function eventsStillLive(events: CaseEvent[], state: ConsultState, connections: Set<Connection>): boolean {
  return events.some(
    (e) => e.atMinute > state.minute && (e.when === undefined || e.when.some((c) => c === state.connection || connections.has(c))),
  );
}

/**
 * A key such that two states with the same key are offered the same choices for the rest of the case:
 * node, connection, the flags and self-loops that reachable choices read, and the minute while a timed
 * event could still fire. Scores, other flags and fired events never change what is offered.
 */
export function controlKeyOf(caseDef: CaseDef): (state: ConsultState) => string {
  const ahead = lookAhead(caseDef);
  return (state) => {
    const info = ahead.get(state.nodeId);
    if (info === undefined) return `${state.nodeId}|missing`;
    const flags = state.flags.filter((f) => info.flags.has(f));
    const loops = state.taken.filter((id) => info.selfLoops.has(id)).sort();
    const minute = eventsStillLive(caseDef.events, state, info.connections) ? String(state.minute) : '-';
    return [state.nodeId, state.connection, flags.join(','), loops.join(','), minute].join('|');
  };
}
