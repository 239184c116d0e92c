// "Loops that move the story on": nobody says the same line twice in one consult.
import type { CaseDef } from '@/lib/content/schemas/case';
import { componentsOf } from './cycles';
import type { Edge } from './explore';
import { isSelfLoop } from './graph';

/**
 * A node with lines that can be reached again after the learner has left it (through other nodes;
 * a question looping back to its own node does not repeat them) would have its lines said again.
 * Questions belong in a hub as self-loops with a `reply`; a loop through other nodes must lead to
 * new lines. Checked on the graph as written, whatever the `requires`.
 */
export function checkRepeatedLines(caseDef: CaseDef): string[] {
  const ids = Object.keys(caseDef.nodes);
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: Edge[][] = ids.map((id) =>
    (caseDef.nodes[id]?.choices ?? []).flatMap((choice) => {
      const to = index.get(choice.next);
      return to === undefined || isSelfLoop(id, choice) ? [] : [{ to, choiceId: choice.id }];
    }),
  );
  const component = componentsOf(edges);
  const size = new Map<number, number>();
  for (const c of component) size.set(c, (size.get(c) ?? 0) + 1);
  return ids.flatMap((id, i) => {
    const node = caseDef.nodes[id];
    const c = component[i] ?? -1;
    if (node === undefined || (node.say.length === 0 && node.show === undefined) || (size.get(c) ?? 0) < 2) return [];
    const loop = ids.filter((_other, j) => j !== i && component[j] === c);
    return [`node '${id}' can be reached again through ${loop.map((n) => `'${n}'`).join(', ')}, and its lines would be said again: make the questions self-loops with a reply, or move the story on`];
  });
}
