import type { Edge } from './explore';

/** Strongly connected component of each state (Tarjan, iterative so deep cases cannot overflow the stack). */
export function componentsOf(edges: Edge[][]): number[] {
  const n = edges.length;
  const order: number[] = new Array(n).fill(-1);
  const low: number[] = new Array(n).fill(0);
  const component: number[] = new Array(n).fill(-1);
  const onStack: boolean[] = new Array(n).fill(false);
  const stack: number[] = [];
  let counter = 0;
  let components = 0;
  const visit = (v: number) => {
    order[v] = counter;
    low[v] = counter;
    counter++;
    stack.push(v);
    onStack[v] = true;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    visit(root);
    const calls: { v: number; next: number }[] = [{ v: root, next: 0 }];
    while (calls.length > 0) {
      const frame = calls[calls.length - 1];
      if (frame === undefined) break;
      const out = edges[frame.v] ?? [];
      const edge = out[frame.next];
      if (edge !== undefined) {
        frame.next++;
        const w = edge.to;
        if (order[w] === -1) {
          visit(w);
          calls.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[frame.v] = Math.min(low[frame.v] ?? 0, order[w] ?? 0);
        }
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller !== undefined) low[caller.v] = Math.min(low[caller.v] ?? 0, low[frame.v] ?? 0);
      if (low[frame.v] === order[frame.v]) {
        for (let w = stack.pop(); w !== undefined; w = w === frame.v ? undefined : stack.pop()) {
          onStack[w] = false;
          component[w] = components;
        }
        components++;
      }
    }
  }
  return component;
}
