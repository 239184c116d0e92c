// The content check on the shipped content, and on broken copies of it: each kind of mistake is
// rejected with a message that names the file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/check';

const shipped = path.join(process.cwd(), 'content');
const lessonFile = 'modules/01-foundations/lessons/01-what-is-telemedicine.mdx';
const c4 = 'cases/chest-pain-lagging-video.yaml';
const expertIds = ['open-brief', 'capture-location', 'switch-to-gsm', 'hx-onset', 'assess-acs', 'gtn-not-a-test', 'dispatch-confirm', 'aspirin-allergy-check'];
/** Adds words to a choice's label (quoted on one line in the case file). */
const lengthen = (t: string, id: string, extra: string) => t.replace(new RegExp(`(- id: ${id}\\n\\s+label: "[^"]*)"`), `$1${extra}"`);

test('the shipped content passes every check', async () => {
  const report = await checkContent(shipped);
  expect(report.problems).toEqual([]);
  expect(report.counts.modules).toBeGreaterThanOrEqual(3);
  expect(report.counts.cases).toBeGreaterThanOrEqual(3);
});

describe('a broken copy of the content is rejected, naming the file', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function copyWith(file: string, edit: (text: string) => string): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'content-'));
    const root = path.join(dir, 'content');
    cpSync(shipped, root, { recursive: true });
    cpSync(path.join(process.cwd(), 'public'), path.join(dir, 'public'), { recursive: true });
    const target = path.join(root, file);
    const before = readFileSync(target, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before);
    writeFileSync(target, after);
    return root;
  }

  test.each([
    {
      name: 'a certificate-bearing bank that shows its keys after every attempt',
      file: 'quizzes/foundations.yaml',
      edit: (t: string) => t.replace('review: after-pass-or-last', 'review: full'),
      expected: /quiz "foundations" counts towards the programme "[a-z-]+": its review must be after-pass-or-last/,
    },
    {
      name: 'an unknown component',
      file: lessonFile,
      edit: (t: string) => `${t}\n<Quiz id="x" />\n`,
      expected: /<Quiz> is not a registered component/,
    },
    {
      name: 'an import in a lesson',
      file: lessonFile,
      edit: (t: string) => t.replace(/\n---\n/, "\n---\nimport X from './x'\n\n"),
      expected: /import and export are not allowed/,
    },
    {
      name: 'a knowledge check answer that is not one of the options',
      file: lessonFile,
      edit: (t: string) => t.replace('answer: 1', 'answer: 9'),
      expected: /frontmatter\.checks\.0\.answer: answer must be the index/,
    },
    {
      name: 'a knowledge check defined but never placed',
      file: lessonFile,
      edit: (t: string) => t.replace('<KnowledgeCheck id="who-definition-core" />', ''),
      expected: /knowledge check "who-definition-core" must be placed exactly once/,
    },
    {
      name: 'a reference id that does not exist',
      file: lessonFile,
      edit: (t: string) => t.replace('references: [', 'references: [no-such-source, '),
      expected: /unknown reference "no-such-source"/,
    },
    {
      name: 'a missing frontmatter field',
      file: lessonFile,
      edit: (t: string) => t.replace(/\ndescription: .*\n/, '\n'),
      expected: /frontmatter\.description/,
    },
    {
      name: 'a video file that does not exist',
      file: 'modules/06-remote-examination/lessons/02-counting-breathing.mdx',
      edit: (t: string) => t.replace('src="/media/counting-breaths.mp4"', 'src="/media/missing.mp4"'),
      expected: /media file public\/media\/missing\.mp4 does not exist/,
    },
    {
      name: 'an unknown prerequisite module',
      file: 'modules/03-consent-privacy/module.mdx',
      edit: (t: string) => t.replace('prerequisites: [foundations]', 'prerequisites: [no-such-module]'),
      expected: /unknown prerequisite module "no-such-module"/,
    },
    {
      name: 'a quiz key that is not one of its options',
      file: 'quizzes/foundations.yaml',
      edit: (t: string) => t.replace(/key: \[b\]/, 'key: [z]'),
      expected: /questions\.0\.key: key 'z' is not an option id/,
    },
    {
      name: 'a trainer the lesson names that does not exist',
      file: 'modules/06-remote-examination/lessons/02-counting-breathing.mdx',
      edit: (t: string) => t.replace('<BreathCountTrainer trainer="imci-breath-count" />', '<BreathCountTrainer trainer="no-such-trainer" />'),
      expected: /names no file content\/trainers\/no-such-trainer\.yaml/,
    },
    {
      name: 'a lesson that places a trainer without listing its sources',
      file: 'modules/06-remote-examination/lessons/02-counting-breathing.mdx',
      edit: (t: string) => t.replace('references: [who-imci-chart-2014, who-psbi-2015, ', 'references: [who-imci-chart-2014, '),
      expected: /trainer "imci-breath-count" cites "who-psbi-2015", which is not in frontmatter\.references/,
    },
    {
      name: 'a trainer scenario beyond the ages IMCI thresholds cover',
      file: 'trainers/imci-breath-count.yaml',
      edit: (t: string) => t.replace('age: { value: 3, unit: years }', 'age: { value: 6, unit: years }'),
      expected: /scenarios\.\d+\.child\.age: the IMCI breathing thresholds cover children under 5 years/,
    },
    {
      name: 'a trainer placed with the component of another kind',
      file: 'modules/09-chronic-disease/lessons/02-home-bp-logs.mdx',
      edit: (t: string) => t.replace('<BpDiaryTrainer trainer="nice-home-bp-diary" />', '<BreathCountTrainer trainer="nice-home-bp-diary" />'),
      expected: /trainer "nice-home-bp-diary" is a bp-diary trainer: place it with <BpDiaryTrainer/,
    },
    {
      name: 'a diary reading written the wrong way round',
      file: 'trainers/nice-home-bp-diary.yaml',
      edit: (t: string) => t.replace('"168/100"', '"100/168"'),
      expected: /the systolic \(first\) number must be the higher one/,
    },
    {
      name: 'a case brief that names the diagnosis (spoiler rule)',
      file: c4,
      edit: (t: string) => t.replace(/^summary: >-\n/m, 'summary: >-\n  Recognise his acute coronary syndrome in time.\n'),
      expected: /\[spoiler\] summary names the spoiler term "acute coronary\*"/,
    },
    {
      name: 'a case brief that names a critical action (spoiler rule)',
      file: c4,
      edit: (t: string) => t.replace('  present: His wife, Nadia, is in the room with him.', '  present: His wife, Nadia, who will want an emergency referral.'),
      expected: /\[spoiler\] brief.present shares "emergency referral" with critical action 'emergency-referral'/,
    },
    {
      name: 'a case option far longer than the others at its decision point (option-length rule)',
      file: c4,
      edit: (t: string) => lengthen(t, 'open-brief', ', and then go through every item of the opening checklist once more, slowly, so that nothing is missed'),
      expected: /\[option-length\] node 'opening': choice 'open-brief' is \d+ characters, more than 1.6 × the median/,
    },
    {
      name: "a case whose expert choice is the longest too often (expert-longest rule)",
      file: c4,
      edit: (t: string) => expertIds.reduce((text, id) => lengthen(text, id, ', as soon as you can'), t),
      expected: /\[expert-longest\] the expert's choice is the longest option in \d+ of 22 decision points/,
    },
    {
      name: 'a case choice that tells the learner to stop (cue-wording rule)',
      file: c4,
      edit: (t: string) => t.replace('label: "Switch off your own camera', 'label: "Stop: switch off your own camera'),
      expected: /\[cue-wording\] node 'channel' choice 'camera-off-low-res': its label opens by telling the learner to stop/,
    },
    {
      name: 'a case loop that says a node again (repeated-lines rule)',
      file: c4,
      edit: (t: string) => t.replace(/(- id: gtn-result-still-emergency[\s\S]*?next: )explain/, '$1assessment'),
      expected: /\[repeated-lines\] node 'assessment' can be reached again through/,
    },
    {
      name: 'a case key fact the expert note does not state (key-facts rule)',
      file: c4,
      edit: (t: string) => t.replace('ambulance to Gulzar Teaching Hospital emergency', 'ambulance to the nearest emergency'),
      expected: /\[key-facts\] note.keyFacts.plan 'destination': the expert note's plan does not state it/,
    },
    {
      name: 'a case choice leading to a node that does not exist',
      file: 'cases/chest-pain-lagging-video.yaml',
      edit: (t: string) => t.replace(/next: (\S+)/, 'next: nowhere-node'),
      expected: /nowhere-node/,
    },
    {
      name: 'Urdu lines on a case whose languages do not include Urdu',
      file: 'cases/chest-pain-lagging-video.yaml',
      edit: (t: string) => t.replace('languages: { spoken: [ur] }', 'languages: { spoken: [pa] }'),
      expected: /\[urdu\] lines carry "ur", but the case's languages do not include Urdu/,
    },
    {
      name: 'an Urdu line written in Latin letters',
      file: 'cases/chest-pain-lagging-video.yaml',
      edit: (t: string) => t.replace('script: "جی، ڈاکٹر صاحب۔ جو پوچھنا ہے پوچھیں۔"', 'script: "Ji, doctor sahib."'),
      expected: /ur\.script.*must be Urdu in Arabic script/,
    },
    {
      name: 'a lesson placing a phrase panel that does not exist',
      file: 'modules/03-consent-privacy/lessons/01-consent-at-a-distance.mdx',
      edit: (t: string) => t.replace('<SayItInUrdu id="consent-opening" />', '<SayItInUrdu id="no-such-panel" />'),
      expected: /<SayItInUrdu id="no-such-panel" \/> names no file content\/phrases\/no-such-panel\.yaml/,
    },
  ])('$name', async ({ file, edit, expected }) => {
    const report = await checkContent(copyWith(file, edit));
    const problems = report.problems.filter((p) => p.file.endsWith(path.basename(file)));
    expect(problems.map((p) => p.message).join('\n')).toMatch(expected);
  });
});
