// The Urdu lines of a case: where they may be, whether each node has them all, and what a
// translation review approves. Pure.
import type { CaseDef, CaseLine } from '@/lib/content/schemas/case';

/** Whether the call's languages include Urdu (spoken by someone in it, or interpreted into). */
export function caseUsesUrdu(caseDef: Pick<CaseDef, 'languages'>): boolean {
  const langs = caseDef.languages;
  return !!langs && (langs.spoken.includes('ur') || langs.interpretedInto === 'ur');
}

/** Every line of a case with where it sits: the brief's complaint, each node's lines and its choices' replies. */
export function caseLines(caseDef: CaseDef): { node: string | null; where: string; line: CaseLine }[] {
  const lines: { node: string | null; where: string; line: CaseLine }[] = [{ node: null, where: 'brief.complaint', line: caseDef.brief.complaint }];
  for (const [id, node] of Object.entries(caseDef.nodes)) {
    node.say.forEach((line, i) => lines.push({ node: id, where: `nodes.${id}.say[${i}]`, line }));
    for (const choice of node.choices) {
      choice.reply.forEach((line, i) => lines.push({ node: id, where: `nodes.${id} choice "${choice.id}" reply[${i}]`, line }));
    }
  }
  return lines;
}

/** Whether any line of the case carries Urdu. */
export function hasUrduLines(caseDef: CaseDef): boolean {
  return caseLines(caseDef).some((l) => l.line.ur);
}

/**
 * What is wrong with a case's Urdu lines: Urdu on a case whose `languages` do not include Urdu, or a
 * node (its lines and its choices' replies) with Urdu on some lines and not on others.
 */
export function urduLineProblems(caseDef: CaseDef): string[] {
  const lines = caseLines(caseDef);
  const withUrdu = lines.filter((l) => l.line.ur);
  if (withUrdu.length === 0) return [];
  if (!caseUsesUrdu(caseDef)) {
    return [`[urdu] lines carry "ur", but the case's languages do not include Urdu: add languages: { spoken: [ur] } or { interpretedInto: ur } (first at ${withUrdu[0]!.where})`];
  }
  const nodes = new Set(withUrdu.map((l) => l.node).filter((n) => n !== null));
  return lines
    .filter((l) => l.node !== null && nodes.has(l.node) && !l.line.ur)
    .map((l) => `[urdu] ${l.where} has no "ur": a node with Urdu lines needs Urdu on every line it and its replies say`);
}

/**
 * What a sign-off of a case's Urdu approves: each Urdu line with the English it translates, in
 * order. Nothing else of the case counts, so a clinical edit elsewhere leaves the translation signed off.
 */
export function urduTranslation(caseDef: CaseDef): { where: string; who: string; en: string; script: string; roman: string }[] {
  return caseLines(caseDef).flatMap(({ where, line }) => (line.ur ? [{ where, who: line.who, en: line.text, script: line.ur.script, roman: line.ur.roman }] : []));
}
