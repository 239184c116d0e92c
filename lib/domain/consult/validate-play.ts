// Checks that need the case to be played: every reachable state of the engine is explored.
import type { CaseDef } from '@/lib/content/schemas/case';
import { componentsOf } from './cycles';
import { controlKeyOf } from './control-key';
import { canReachEnd, exploreStates, pathTo } from './explore';
import { allChoices } from './graph';

function route(ids: string[]): string {
  return ids.length === 0 ? 'at the start' : `after ${ids.join(' → ')}`;
}

/** Critical actions achievable, every state able to end, every choice offered, no repeatable points. */
export function checkPlay(caseDef: CaseDef, maxStates: number): string[] {
  const exploration = exploreStates(caseDef, { maxStates, key: controlKeyOf(caseDef) });
  if (exploration.truncated) return [`case too large to verify: more than ${maxStates} distinct states`];
  const { states, edges } = exploration;
  const problems: string[] = [];
  const reach = canReachEnd(exploration);
  const choices = new Map(allChoices(caseDef).map((entry) => [entry.choice.id, entry]));
  // Flags are never unset, so a flag is on some path to an end iff a choice setting it leads to a state that can end.
  const setOnWayToEnd = new Set(
    edges.flatMap((out) => out.filter((e) => reach[e.to]).flatMap((e) => choices.get(e.choiceId)?.choice.effects?.flags ?? [])),
  );
  for (const action of caseDef.rubric.criticalActions) {
    if (!setOnWayToEnd.has(action.flag)) {
      problems.push(`critical action '${action.id}' (flag '${action.flag}') cannot be done on any path that reaches an end`);
    }
  }
  const loopingNodes = new Set<string>();
  reach.forEach((ok, i) => {
    const state = states[i];
    if (ok || state === undefined || loopingNodes.has(state.nodeId)) return;
    loopingNodes.add(state.nodeId);
    problems.push(`from node '${state.nodeId}' ${route(pathTo(exploration, i))}, no end can ever be reached`);
  });
  const offered = new Set(edges.flat().map((e) => e.choiceId));
  const visited = new Set(states.map((s) => s.nodeId));
  for (const { nodeId, choice } of choices.values()) {
    if (visited.has(nodeId) && !offered.has(choice.id)) {
      problems.push(`node '${nodeId}' choice '${choice.id}' is never offered: its requires never hold when the node is reached`);
    }
  }
  const component = componentsOf(edges);
  const repeatable = new Set<string>();
  edges.forEach((out, from) => {
    for (const edge of out) {
      const scores = Object.values(choices.get(edge.choiceId)?.choice.effects?.scores ?? {});
      if (component[from] === component[edge.to] && scores.some((p) => p !== undefined && p > 0)) repeatable.add(edge.choiceId);
    }
  });
  for (const id of repeatable) {
    problems.push(`choice '${id}' can be taken again and again (it lies on a loop) and adds points each time: guard it with requires.notFlags`);
  }
  return problems;
}
