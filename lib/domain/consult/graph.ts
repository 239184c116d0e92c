import type { CaseChoice, CaseDef, CaseNode, Connection } from '@/lib/content/schemas/case';

/** The node with this id, if the case has one. */
export function findNode(caseDef: CaseDef, nodeId: string): CaseNode | undefined {
  return Object.hasOwn(caseDef.nodes, nodeId) ? caseDef.nodes[nodeId] : undefined;
}

/** A choice that leads back to its own node (a question in a history hub). */
export function isSelfLoop(nodeId: string, choice: CaseChoice): boolean {
  return choice.next === nodeId;
}

/** A choice offered whatever the flags and connection: no `requires`, or only empty lists. */
export function isUnconditional(choice: CaseChoice): boolean {
  const r = choice.requires;
  return r === undefined || (r.flags.length === 0 && r.notFlags.length === 0 && r.connection.length === 0);
}

/** Whether a choice's `requires` hold for these flags and this connection. */
export function requiresHold(choice: CaseChoice, flags: readonly string[], connection: Connection): boolean {
  const r = choice.requires;
  if (r === undefined) return true;
  return (
    r.flags.every((f) => flags.includes(f)) &&
    r.notFlags.every((f) => !flags.includes(f)) &&
    (r.connection.length === 0 || r.connection.includes(connection))
  );
}

/** Every choice of the case with the node it belongs to, in file order. */
export function allChoices(caseDef: CaseDef): { nodeId: string; choice: CaseChoice }[] {
  return Object.entries(caseDef.nodes).flatMap(([nodeId, node]) => node.choices.map((choice) => ({ nodeId, choice })));
}
