// "Briefs without spoilers": what a learner reads before starting must not give the answer away.
import { type CaseDef, clinicalAreaLabels } from '@/lib/content/schemas/case';
import { mentions, wordsOf } from './wording';

/** Function words and the verbs every rubric label starts with: sharing these says nothing. */
const STOP_WORDS = new Set(
  `a an the and or but nor of to in on at by for with without from into onto over under as than then so if
   is are was were be been being am has have had do does did done can could may might must should would will shall
   he she it they we you i his her hers its their them him us our your my me who whom whose which that this these those
   not no any all every each some both either neither more most very same other another own such only also just even
   before after until while when where what how why there here via per up down out off again too about
   s asked ask took take made make gave give told tell kept keep sent send used use got get went go said say tried try
   done let one`.split(/\s+/),
);

/** Plural and singular are the same word here ("sign" and "signs"). */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const isNumber = (word: string) => /^\p{N}+$/u.test(word);

/**
 * Pairs of adjacent content words ("emergency referral"), stemmed. A pair with a number in it ("32
 * weeks", "phq 9") is data, not an answer: numeric spoilers belong in spoilerTerms.
 */
export function contentPairs(text: string): Set<string> {
  const words = wordsOf(text).map(stem);
  const content = (w: string) => !STOP_WORDS.has(w) && !isNumber(w);
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) {
    const [a, b] = [words[i] ?? '', words[i + 1] ?? ''];
    if (content(a) && content(b)) pairs.add(`${a} ${b}`);
  }
  return pairs;
}

/** Pairs that name the case's people ("gul khan", "health worker"): the patient's name, each participant's name and role. */
function peoplePairs(caseDef: CaseDef): Set<string> {
  const { patient, participants } = caseDef;
  return new Set([patient.name, ...participants.flatMap((p) => [p.name, p.role])].flatMap((t) => [...contentPairs(t)]));
}

/** What the consult opens with (the start node's lines and scene): the brief may say it too. */
function openingText(caseDef: CaseDef): string {
  const start = caseDef.nodes[caseDef.start];
  return [...(start?.say ?? []).map((l) => l.text), start?.show ?? ''].join(' ');
}

/** What the library card and the brief page show before the consult starts. */
export function briefTexts(caseDef: CaseDef): { where: string; text: string }[] {
  return [
    { where: 'title', text: caseDef.title },
    { where: 'summary', text: caseDef.summary },
    { where: 'setting', text: caseDef.setting },
    { where: 'language', text: caseDef.language ?? '' },
    { where: 'area', text: clinicalAreaLabels[caseDef.area] },
    { where: 'brief.present', text: caseDef.brief.present },
    { where: 'brief.complaint', text: caseDef.brief.complaint.text },
  ];
}

/** The answer to the case: what the brief must not name. */
function answerTexts(caseDef: CaseDef): { what: string; text: string }[] {
  const { criticalActions, criticalErrors } = caseDef.rubric;
  return [
    ...criticalActions.map((a) => ({ what: `critical action '${a.id}'`, text: a.label })),
    ...criticalErrors.map((e) => ({ what: `critical error '${e.id}'`, text: e.label })),
    { what: 'debrief.diagnosis', text: caseDef.debrief.diagnosis },
    { what: 'debrief.disposition', text: caseDef.debrief.disposition },
  ];
}

/**
 * The brief (title, summary, setting, language, who is present, the complaint) must not contain any of
 * the case's spoilerTerms (as whole words, `*` allowed), nor any two adjacent content words that a
 * critical action's or error's label, the diagnosis or the disposition also has ("emergency referral"),
 * unless they name the case's people or the consult's opening scene says them too.
 */
export function checkBrief(caseDef: CaseDef): string[] {
  const problems: string[] = [];
  // Not spoilers: who the people are, and what the consult's opening scene says anyway.
  const known = new Set([...peoplePairs(caseDef), ...contentPairs(openingText(caseDef))]);
  const answers = answerTexts(caseDef).map(({ what, text }) => ({ what, pairs: contentPairs(text) }));
  for (const { where, text } of briefTexts(caseDef)) {
    for (const term of caseDef.spoilerTerms) {
      if (mentions(text, term)) problems.push(`${where} names the spoiler term "${term}": the brief shows the presenting situation only`);
    }
    const pairs = [...contentPairs(text)].filter((p) => !known.has(p));
    for (const { what, pairs: answer } of answers) {
      const shared = pairs.filter((p) => answer.has(p));
      if (shared.length > 0) problems.push(`${where} shares "${shared.join('", "')}" with ${what}: keep the answer for the debrief`);
    }
  }
  return problems;
}
