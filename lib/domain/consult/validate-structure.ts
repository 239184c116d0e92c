// Checks on the case graph as written, before any play.
import type { CaseDef } from '@/lib/content/schemas/case';
import { allChoices, findNode, isSelfLoop, isUnconditional } from './graph';

function reachableFrom(roots: string[], neighbours: (id: string) => string[]): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  for (let q = 0; q < queue.length; q++) {
    for (const next of neighbours(queue[q] ?? '')) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Problems with start, next, reachability, exits, ends and duplicate ids. */
export function checkGraph(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  const nodeIds = Object.keys(caseDef.nodes);
  if (findNode(caseDef, caseDef.start) === undefined) problems.push(`start node '${caseDef.start}' does not exist`);
  const owners = new Map<string, string[]>();
  for (const { nodeId, choice } of allChoices(caseDef)) {
    owners.set(choice.id, [...(owners.get(choice.id) ?? []), nodeId]);
    if (findNode(caseDef, choice.next) === undefined) problems.push(`node '${nodeId}' choice '${choice.id}': next '${choice.next}' does not exist`);
  }
  for (const [id, nodes] of owners) {
    if (nodes.length > 1) problems.push(`choice id '${id}' is used more than once (nodes ${nodes.map((n) => `'${n}'`).join(', ')})`);
  }
  const endIds = nodeIds.filter((id) => findNode(caseDef, id)?.end !== undefined);
  if (endIds.length === 0) problems.push('the case has no end node');
  for (const [id, node] of Object.entries(caseDef.nodes)) {
    if (node.end !== undefined && node.choices.length > 0) problems.push(`end node '${id}' has choices: an end node has none`);
    if (node.end === undefined && !node.choices.some((c) => isUnconditional(c) && !isSelfLoop(id, c))) {
      problems.push(`node '${id}' is a dead end: it needs a choice without requires that leads to another node`);
    }
  }
  const forward = (id: string) => (findNode(caseDef, id)?.choices ?? []).map((c) => c.next);
  const reached = reachableFrom([caseDef.start], forward);
  for (const id of nodeIds) if (!reached.has(id)) problems.push(`node '${id}' is unreachable from start '${caseDef.start}'`);
  const backward = (id: string) => allChoices(caseDef).filter(({ choice }) => choice.next === id).map(({ nodeId }) => nodeId);
  const canEnd = reachableFrom(endIds, backward);
  for (const id of nodeIds) if (!canEnd.has(id)) problems.push(`no end node can be reached from node '${id}'`);
  return problems;
}

/** Problems with domains, flags, participants (in the brief, `say` and `reply`) and rubric points that no choice can earn. */
export function checkReferences(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  const { domains, criticalActions, criticalErrors } = caseDef.rubric;
  const choices = allChoices(caseDef);
  const setFlags = new Set(choices.flatMap(({ choice }) => choice.effects?.flags ?? []));
  const positive = new Map<string, number>();
  for (const { nodeId, choice } of choices) {
    for (const [domain, points] of Object.entries(choice.effects?.scores ?? {})) {
      if (!Object.hasOwn(domains, domain)) problems.push(`node '${nodeId}' choice '${choice.id}' scores domain ${domain}, which is not in rubric.domains`);
      if (points !== undefined && points > 0) positive.set(domain, (positive.get(domain) ?? 0) + points);
    }
    for (const flag of [...(choice.requires?.flags ?? []), ...(choice.requires?.notFlags ?? [])]) {
      if (!setFlags.has(flag)) problems.push(`node '${nodeId}' choice '${choice.id}' requires flag '${flag}', which no choice sets`);
    }
  }
  const flagged = [
    ...criticalActions.map((item) => ({ kind: 'critical action', item })),
    ...criticalErrors.map((item) => ({ kind: 'critical error', item })),
  ];
  for (const { kind, item } of flagged) {
    if (!setFlags.has(item.flag)) problems.push(`${kind} '${item.id}': flag '${item.flag}' is never set by any choice`);
  }
  for (const [domain, points] of Object.entries(domains)) {
    const available = positive.get(domain) ?? 0;
    if (points !== undefined && points > available) {
      problems.push(`rubric.domains.${domain} is ${points} but choices can add at most ${available}: the maximum is unreachable`);
    }
  }
  const people = new Set(caseDef.participants.map((p) => p.id));
  if (!people.has(caseDef.brief.complaint.who)) problems.push(`brief.complaint.who '${caseDef.brief.complaint.who}' is not in participants`);
  for (const [id, node] of Object.entries(caseDef.nodes)) {
    for (const line of node.say) if (!people.has(line.who)) problems.push(`node '${id}': say.who '${line.who}' is not in participants`);
    for (const choice of node.choices) {
      for (const line of choice.reply) {
        if (!people.has(line.who)) problems.push(`node '${id}' choice '${choice.id}': reply.who '${line.who}' is not in participants`);
      }
    }
  }
  return problems;
}
