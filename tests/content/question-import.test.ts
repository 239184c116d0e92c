// The command line end to end on a copy of the project: content:import writes a draft bank and its
// media, the content check lists what the draft lacks and refuses it in a programme, and
// content:export → content:import reproduces the bank file exactly.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { fixturesDir } from '../support/moodle-fixtures';

const project = process.cwd();
let dir = '';
const bankFile = () => path.join(dir, 'content', 'quizzes', 'foundations-greeting.yaml');

function run(script: 'content-import' | 'content-export', ...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(project, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', path.join(project, 'scripts', `${script}.ts`), ...args, '--root', dir], {
    cwd: project,
    encoding: 'utf8',
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'question-import-'));
  cpSync(path.join(project, 'content'), path.join(dir, 'content'), { recursive: true });
  cpSync(path.join(project, 'public'), path.join(dir, 'public'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run content:import', () => {
  test('imports a Moodle XML file as a draft bank with its media and a report', () => {
    const { status, out } = run('content-import', 'moodle', path.join(fixturesDir, 'multichoice-single-media.xml'), '--module', 'foundations', '--id', 'foundations-greeting');
    expect(status).toBe(0);
    expect(out).toContain('Imported 1 of 1 question(s) from multichoice-single-media.xml into content/quizzes/foundations-greeting.yaml (status: draft).');
    expect(out).toContain('question greeting needs references, competency tags');
    expect(readFileSync(bankFile(), 'utf8')).toContain('status: draft');
    expect(readdirSync(path.join(dir, 'public/media/quizzes/foundations-greeting')).sort()).toEqual(['bonjour.mp3', 'flag-denmark.jpg', 'flag-france.jpg', 'flag-german.jpg', 'flag-uk.jpg']);
  });

  test('names each skipped question, and refuses to overwrite a bank without --force', () => {
    const legacy = path.join(fixturesDir, 'legacy-image-tag-cloze-and-multichoice.xml');
    const first = run('content-import', 'moodle', legacy, '--module', 'foundations');
    expect(first.status).toBe(0);
    expect(first.out).toContain('- "cloze question with image" (cloze): cloze (embedded answers) has no equivalent');
    const again = run('content-import', 'moodle', legacy, '--module', 'foundations');
    expect(again.status).toBe(1);
    expect(again.out).toContain('content/quizzes/foundations-legacy-image-tag-cloze-and-multichoice.yaml exists');
  });

  test('imports GIFT, and refuses an unknown module', () => {
    expect(run('content-import', 'gift', path.join(fixturesDir, 'questions.gift.txt'), '--module', 'foundations').out).toContain('Imported 5 of 9 question(s)');
    expect(run('content-import', 'gift', path.join(fixturesDir, 'questions.gift.txt'), '--module', 'no-such-module')).toMatchObject({ status: 1, out: expect.stringContaining('module "no-such-module" does not exist') });
  });
});

describe('the content check and drafts', () => {
  test('passes with the drafts, listing what each still needs', async () => {
    const report = await checkContent(path.join(dir, 'content'));
    expect(report.problems).toEqual([]);
    expect(report.drafts).toContainEqual({ file: expect.stringContaining('foundations-greeting.yaml'), gaps: ['question greeting needs references, competency tags'] });
  });

  test('refuses a draft named by a programme, and a bank whose media file is gone', async () => {
    const programme = path.join(dir, 'content/programmes/practice-doctors.yaml');
    const before = readFileSync(programme, 'utf8');
    writeFileSync(programme, before.replace('    - { quiz: foundations }\n', '    - { quiz: foundations }\n    - { quiz: foundations-greeting }\n'));
    rmSync(path.join(dir, 'public/media/quizzes/foundations-greeting/flag-uk.jpg'));
    const messages = (await checkContent(path.join(dir, 'content'))).problems.map((p) => p.message);
    writeFileSync(programme, before);
    expect(messages).toContain('quiz "foundations-greeting" is a draft: a certificate needs a published bank (add its references and competency tags, then remove status: draft)');
    expect(messages).toContain('media file public/media/quizzes/foundations-greeting/flag-uk.jpg does not exist');
  });
});

describe('npm run content:export', () => {
  test('a bank exported to Moodle XML and imported again is the same file, media included', () => {
    const source = path.join(fixturesDir, 'truefalse-images-feedback.xml');
    expect(run('content-import', 'moodle', source, '--module', 'foundations', '--id', 'foundations-tf').status).toBe(0);
    const yaml = path.join(dir, 'content/quizzes/foundations-tf.yaml');
    const media = path.join(dir, 'public/media/quizzes/foundations-tf');
    const before = { yaml: readFileSync(yaml, 'utf8'), media: readdirSync(media).map((f) => readFileSync(path.join(media, f)).toString('base64')) };
    const out = path.join(dir, 'tf.moodle.xml');
    expect(run('content-export', 'moodle', 'foundations-tf', '--out', out)).toMatchObject({ status: 0, out: expect.stringContaining('Exported 2 of 2 question(s)') });
    rmSync(media, { recursive: true });
    expect(run('content-import', 'moodle', out, '--module', 'foundations', '--id', 'foundations-tf', '--force').status).toBe(0);
    // Only the header and the default title name the file it came from.
    expect(readFileSync(yaml, 'utf8').replaceAll('tf.moodle.xml', 'truefalse-images-feedback.xml')).toBe(before.yaml);
    expect(readdirSync(media).map((f) => readFileSync(path.join(media, f)).toString('base64'))).toEqual(before.media);
  });

  test('exports a shipped bank to GIFT', () => {
    const out = path.join(dir, 'foundations.gift.txt');
    expect(run('content-export', 'gift', 'foundations', '--out', out).status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/^::[a-z0-9-]+::\[html\]/);
  });
});
