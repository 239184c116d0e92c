// The case-writing rules (no spoilers, no cueing, a note marked on content), each shown passing on the
// clean fixture and rejecting a copy that breaks it.
import { describe, expect, test } from 'vitest';
import type { CaseDef } from '@/lib/content/schemas/case';
import { type CaseRule, lintCase, MAX_LENGTH_RATIO } from '@/lib/domain/consult';
import { mentions } from '@/lib/domain/consult/wording';
import { choiceById, loadFixtureCase } from '../support/consult-fixture';

function problems(caseDef: CaseDef, rule: CaseRule): string[] {
  return lintCase(caseDef)
    .filter((p) => p.rule === rule)
    .map((p) => p.message);
}

test('the fixture passes every rule', () => {
  expect(lintCase(loadFixtureCase())).toEqual([]);
});

describe('wording: whole words, any case or accent, `*` for a word that goes on', () => {
  test.each([
    { text: 'Referred to the ED', phrase: 'refer*', found: true },
    { text: 'a REFERRAL', phrase: 'refer*', found: true },
    { text: 'preferred', phrase: 'refer*', found: false },
    { text: 'Dāktar sāhib', phrase: 'daktar sahib', found: true },
    { text: 'chest-pain for 40 min', phrase: 'chest pain', found: true },
    { text: 'pain in the chest', phrase: 'chest pain', found: false },
    { text: 'ACS', phrase: 'ac', found: false },
  ])('"$text" mentions "$phrase": $found', ({ text, phrase, found }) => {
    expect(mentions(text, phrase)).toBe(found);
  });
});

describe('spoiler: the brief shows the presenting situation only', () => {
  test.each([
    { name: 'a spoiler term in the summary', edit: (c: CaseDef) => void (c.summary = 'He needs a review call in two days.'), match: /summary names the spoiler term "review call"/ },
    {
      name: "a spoiler term in the clinical area's label (it shows on the library card)",
      edit: (c: CaseDef) => void (c.spoilerTerms = [...c.spoilerTerms, 'primary care']),
      match: /area names the spoiler term "primary care"/,
    },
    { name: 'a spoiler term with * in the title', edit: (c: CaseDef) => void (c.title = 'Rafiq: red flags?'), match: /title names the spoiler term "red flag\*"/ },
    {
      name: "a critical action's label words in the setting",
      edit: (c: CaseDef) => void (c.setting = 'A village clinic; you will give a safety-net plan.'),
      match: /setting shares "safety net", "net plan" with critical action 'safety-net'/,
    },
    {
      name: "a critical error's label words in the complaint",
      edit: (c: CaseDef) => void (c.brief.complaint.text = 'Count his breathing on a frozen picture, doctor.'),
      match: /brief.complaint shares "frozen picture" with critical error 'frozen-count'/,
    },
    {
      name: 'the diagnosis in who is present',
      edit: (c: CaseDef) => {
        c.debrief.diagnosis = 'Acute bronchitis, without pneumonia.';
        c.brief.present = 'Hina, who is sure it is acute bronchitis.';
      },
      match: /brief.present shares "acute bronchiti" with debrief.diagnosis/,
    },
    {
      name: 'the disposition in the summary',
      edit: (c: CaseDef) => {
        c.debrief.disposition = 'Home care with a telephone review.';
        c.summary = 'Hina hopes for home care.';
      },
      match: /summary shares "home care" with debrief.disposition/,
    },
  ])('rejects $name', ({ edit, match }) => {
    const caseDef = loadFixtureCase();
    edit(caseDef);
    expect(problems(caseDef, 'spoiler').join('\n')).toMatch(match);
  });

  test("the people's names and roles, numbers, and what the opening scene shows are not spoilers", () => {
    const caseDef = loadFixtureCase();
    caseDef.participants.push({ id: 'lhw', name: 'Nasreen Bibi', role: 'Lady Health Worker' });
    caseDef.rubric.criticalActions[0]!.label = 'Asked Nasreen Bibi, the lady health worker, about the older man, 58, coughing for 7 days';
    caseDef.summary = 'Nasreen Bibi, the lady health worker, calls about an older man, 58, coughing for 7 days.';
    expect(problems(caseDef, 'spoiler')).toEqual([]);
    caseDef.summary = 'The lady health worker asked about red flags.';
    expect(problems(caseDef, 'spoiler').join('\n')).toMatch(/summary names the spoiler term "red flag\*"/);
  });
});

describe('option-length: options of comparable length at each decision point', () => {
  test(`rejects a label longer than ${MAX_LENGTH_RATIO} × the median of the other options`, () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'give-safety-net').label = 'Explain carefully which changes in his cough, his breathing or his colour mean that he must be seen today.';
    expect(problems(caseDef, 'option-length')).toEqual([
      "node 'plan': choice 'give-safety-net' is 106 characters, more than 1.6 × the median of the others (47); make the options comparable in length",
    ].map((m) => `[option-length] ${m}`));
  });

  test('accepts exactly 1.6 × the median of the others (two options: the shorter is the median)', () => {
    const caseDef = loadFixtureCase();
    const opening = caseDef.nodes['opening']!;
    opening.choices[0]!.label = 'x'.repeat(80);
    opening.choices[1]!.label = 'y'.repeat(50);
    expect(problems(caseDef, 'option-length')).toEqual([]);
    opening.choices[0]!.label = 'x'.repeat(81);
    expect(problems(caseDef, 'option-length')).toHaveLength(1);
  });
});

describe("expert-longest: the expert's choice is the longest option in at most a third of its decision points", () => {
  test('counts ties as longest and rejects a case over a third', () => {
    const caseDef = loadFixtureCase();
    // 7 decision points on the expert path (to-plan is the only option left when taken): 2 longest
    // are allowed, 3 are not. The other options there are 58 (opening) and 52 (plan) characters.
    choiceById(caseDef, 'intro-consent').label = 'x'.repeat(58);
    choiceById(caseDef, 'give-safety-net').label = 'y'.repeat(53);
    expect(problems(caseDef, 'expert-longest')).toEqual([]);
    choiceById(caseDef, 'close-good').label = 'z'.repeat(53);
    expect(problems(caseDef, 'expert-longest')).toEqual([
      "[expert-longest] the expert's choice is the longest option in 3 of 7 decision points (at most a third may be): 'intro-consent', 'give-safety-net', 'close-good'",
    ]);
  });
});

describe('cue-wording: no label tells the learner to stop, reconsider or what comes first', () => {
  test.each([
    'Stop: you have not asked about red flags.',
    'Stop and think about the red flags.',
    'Wait. Ask about breathlessness first.',
    'First, ask about breathlessness.',
    'Go back and ask about breathlessness.',
    'Reconsider: ask about breathlessness.',
    'You still do not know about breathlessness: ask.',
    'Before anything else, ask about breathlessness.',
  ])('rejects "%s"', (label) => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'skip-intro').label = label;
    expect(problems(caseDef, 'cue-wording')).toHaveLength(1);
  });

  test.each(['Stop the cough syrup he bought.', 'Wait for the picture to come back.', 'Tell Hina that you have not finished yet.'])('accepts the action "%s"', (label) => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'skip-intro').label = label;
    expect(problems(caseDef, 'cue-wording')).toEqual([]);
  });
});

describe('repeated-lines: a node is never said twice', () => {
  test('rejects a node that can be reached again through another node', () => {
    const caseDef = loadFixtureCase();
    choiceById(caseDef, 'give-safety-net').next = 'history';
    expect(problems(caseDef, 'repeated-lines').join('\n')).toMatch(/node 'history' can be reached again through 'plan'/);
  });

  test('a question looping back to its own node is fine', () => {
    expect(problems(loadFixtureCase(), 'repeated-lines')).toEqual([]);
  });
});

describe('key-facts: the marking can be trusted', () => {
  test('rejects a key fact the expert note does not state', () => {
    const caseDef = loadFixtureCase();
    caseDef.note.keyFacts.plan.push({ id: 'antibiotic', fact: 'An antibiotic', accept: ['amoxicillin'] });
    expect(problems(caseDef, 'key-facts')).toEqual(["[key-facts] note.keyFacts.plan 'antibiotic': the expert note's plan does not state it in any accepted wording"]);
  });

  test('rejects an accepted wording that is an empty-content answer, and a repeated id', () => {
    const caseDef = loadFixtureCase();
    caseDef.note.keyFacts.present.push({ id: 'home', fact: 'Nobody else', accept: ['N/A', 'daughter'] });
    expect(problems(caseDef, 'key-facts')).toEqual([
      "[key-facts] note.keyFacts.present 'home': the id is used by another key fact",
      `[key-facts] note.keyFacts.present 'home' accepts "N/A", which says nothing`,
    ]);
  });
});
