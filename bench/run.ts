// npm run bench [-- --no-build] [--dist-dir .next-bench] [--seconds 5] [--dashboard-seconds 10] [--learners 5000] [--dashboard-runs 3] [--before <checkout>]
//
// Builds the app once (into its own dist folder, so it never fights with .next) while it seeds PGlite
// and, when BENCH_DATABASE_URL or DATABASE_URL is set, a fresh PostgreSQL database made for the run.
// Then, one database at a time: times the dashboard queries in-process, starts the production server
// and measures first-view bytes, the lesson's Slow 3G LCP and throughput/latency under autocannon.
// On PostgreSQL it then profiles the quiz and consult actions (bench/actions.ts; `--before` names a
// checkout of earlier code, with its build in .next, to compare with). Writes bench/results/ and prints one Markdown table. Everything it starts or creates is undone at the end.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { Browser } from '@playwright/test';
import { benchActions } from './actions';
import { captureConsultStep, captureQuizActions, launchBrowser, sessionCookie } from './browser';
import { cleanupAll, cleanupOnSignals, tempDir } from './cleanup';
import { benchDashboard } from './dashboard-queries';
import { type Target, pgliteTarget, postgresTarget } from './databases';
import { type HttpRequest, type RawResponse, bodyText, send } from './http';
import { type LoadResult, load, startStaticServer } from './load';
import { slow3gPages } from './paint';
import { type Env, progress } from './proc';
import { type ProxyResult, proxyLesson } from './proxy';
import { type LoadRow, type RunResult, type StaticCeiling, type TargetResult, machine, writeResults } from './report';
import { buildApp, prepareDatabase, startServer } from './server';
import { pageWeight } from './weight';

const lessonPath = '/modules/foundations/what-is-telemedicine';
const quizId = 'foundations';
const caseId = 'infant-fever-lhw';
const demoLearner = 'learner@demo.telehealth.test';
const syntheticInstructor = 'synthetic.instructor@synthetic.telehealth.test';

type Options = { build: boolean; distDir: string; seconds: number; dashboardSeconds: number; learners: number; dashboardRuns: number; before?: string };
type Sessions = { learner: string; instructor: string };
type Passwords = { demo: string; synthetic: string };

/** The command line, with defaults that keep a full run under ten minutes on two cores. */
function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      'dist-dir': { type: 'string', default: '.next-bench' },
      seconds: { type: 'string', default: '5' },
      'dashboard-seconds': { type: 'string', default: '10' },
      learners: { type: 'string', default: '5000' },
      'dashboard-runs': { type: 'string', default: '3' },
      before: { type: 'string' },
    },
  });
  const positive = (name: string, text: string) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  return {
    build: !values['no-build'],
    distDir: values['dist-dir'],
    seconds: positive('seconds', values.seconds),
    dashboardSeconds: positive('dashboard-seconds', values['dashboard-seconds']),
    learners: positive('learners', values.learners),
    dashboardRuns: positive('dashboard-runs', values['dashboard-runs']),
    before: values.before,
  };
}

/** What every child process gets: the bench build, this run's passwords, no telemetry. */
function baseEnv(options: Options, passwords: Passwords): Env {
  return { ...process.env, NEXT_DIST_DIR: options.distDir, SEED_DEMO_PASSWORD: passwords.demo, SYNTHETIC_INSTRUCTOR_PASSWORD: passwords.synthetic, NEXT_TELEMETRY_DISABLED: '1' };
}

/** Fails unless `check` holds for the response, naming what was expected. */
function expectResponse(what: string, response: RawResponse, check: (r: RawResponse) => boolean): RawResponse {
  if (!check(response)) throw new Error(`${what}: unexpected response ${response.status} ${JSON.stringify(response.headers)}`);
  return response;
}

type Weight = TargetResult['weights'][number];

/** The first views of the learner-facing pages, each with the session a person would have (the dashboard's is taken with its load rows). */
async function measureWeights(baseUrl: string, sessions: Sessions): Promise<Weight[]> {
  const pages = [
    { label: 'Home', path: '/' },
    { label: 'Lesson (prerendered)', path: lessonPath },
    { label: 'Quiz, demo learner', path: `/quizzes/${quizId}`, cookie: sessions.learner },
    { label: 'Consult case brief, demo learner', path: `/consults/${caseId}`, cookie: sessions.learner },
  ];
  const weights: Weight[] = [];
  for (const page of pages) weights.push({ label: page.label, ...(await pageWeight(baseUrl, page.path, page.cookie)) });
  return weights;
}

/** One request at 1 connection, then at 50, for `seconds` each. */
async function atOneAndFifty(request: HttpRequest, seconds: number, timeoutS?: number): Promise<LoadResult[]> {
  return [await load(request, 1, seconds, timeoutS), await load(request, 50, seconds, timeoutS)];
}

/** What the load rows need: the browser (to capture server actions), the server, the options. */
type Bench = { browser: Browser; baseUrl: string; options: Options };

const post = (request: HttpRequest): HttpRequest => ({ ...request, method: 'POST' });

/** The prerendered lesson, anonymous; `lesson` is one response already fetched (for its cache header). */
async function lessonRow({ baseUrl, options }: Bench, lesson: RawResponse): Promise<LoadRow> {
  progress('  load: prerendered lesson GET');
  const cache = lesson.headers['x-nextjs-cache'];
  const note = `GET ${lessonPath}, anonymous, gzip${cache ? `; Next answers with x-nextjs-cache: ${cache}` : ''}.`;
  return { id: 'lesson', label: 'Lesson GET (prerendered)', note, runs: await atOneAndFifty({ url: `${baseUrl}${lessonPath}` }, options.seconds) };
}

/**
 * The quiz's server actions, replayed as the browser sent them. Saves are real every time. A submit
 * happens once: it is sent once first (reported as the real one), and the runs measure repeats.
 */
async function quizRows({ browser, baseUrl, options }: Bench): Promise<LoadRow[]> {
  progress('  capturing the quiz server actions in the browser…');
  const quiz = await captureQuizActions(browser, baseUrl, quizId);
  progress('  load: quiz answer save (replayed server action)');
  expectResponse('quiz save replay', await send(post(quiz.save)), (r) => r.status === 200 && bodyText(r).includes('Answers saved'));
  const saveNote = 'The saveAnswersAction POST the attempt page sent when one answer was chosen, replayed byte for byte with the learner’s cookie: every request really saves (the same answer, on the same open attempt, so all 50 connections write to one row).';
  const save: LoadRow = { id: 'quiz-save', label: 'Quiz answer save', note: saveNote, runs: await atOneAndFifty(post(quiz.save), options.seconds) };

  progress('  load: quiz submit (first real, then replays)');
  const first = expectResponse('quiz submit', await send(post(quiz.submit)), (r) => r.status === 200 && (String(r.headers['x-action-redirect']).includes('/result') || bodyText(r).includes('/result')));
  const submitNote = 'The submitAttemptAction POST, replayed: the first grades the attempt; every measured request finds it already submitted and, like the first, answers the page’s script with the result’s address (no page rendered into the response since issue 20).';
  const submit: LoadRow = { id: 'quiz-submit', label: 'Quiz submit (repeat of a graded one)', note: submitNote, first: { what: 'The first (real) submit, sent once before the runs', status: first.status, ms: first.ms }, runs: await atOneAndFifty(post(quiz.submit), options.seconds) };
  return [save, submit];
}

/** A consult step, replayed: the first takes the step (checked, and reported as the real one); the runs measure stale repeats. */
async function consultRow({ browser, baseUrl, options }: Bench): Promise<LoadRow> {
  progress('  capturing a consult step in the browser…');
  const step = post(await captureConsultStep(browser, baseUrl, caseId));
  progress('  load: consult step (first real, then replays)');
  // The room it redirects to must offer the choices of step 1: the captured step 0 was taken (the
  // step comes as a hidden input's value, or as the client choice list's prop that renders it).
  const first = expectResponse('consult step', await send(step), (r) => r.status === 200 && /"expectedStep","value":1\b|"step":1,"choices"|"from":0\b/.test(bodyText(r)));
  const note = 'The stepAction POST for the first choice of a new consult, replayed: the first takes the step; every measured request carries a stale step number, is refused without a change and redirects to the room, which Next renders into the same response (a step taken answers with only what changed: bench/actions.ts measures those).';
  return { id: 'consult-step', label: 'Consult step (stale repeat)', note, first: { what: 'The first (real) step, sent once before the runs', status: first.status, ms: first.ms }, runs: await atOneAndFifty(step, options.seconds) };
}

/** When the dashboard says its figures were worked out (its "Figures as of" time), if it says so. */
function figuresAsOf(response: RawResponse): string | null {
  return /Figures as of <time[^>]*datetime="([^"]+)"/i.exec(bodyText(response))?.[1] ?? null;
}

/**
 * The cohort dashboard with the instructor's session: its first view (the server's first dashboard
 * request, so nothing is kept yet), then the load runs straight after. Run last, since the server is
 * stopped next and requests left queued then cannot slow anything else. The "Figures as of" time is
 * read after the first view and after the runs: if it did not change, one summary served them all.
 */
async function dashboardRows({ baseUrl, options }: Bench, cookie: string, cohortId: string): Promise<{ weight: Weight; row: LoadRow }> {
  progress('  load: dashboard GET (instructor session)');
  const path = `/teach/cohorts/${cohortId}`;
  const request = { url: `${baseUrl}${path}`, headers: { cookie } };
  const weight = { label: `Dashboard, ${options.learners.toLocaleString('en')} learners, instructor`, ...(await pageWeight(baseUrl, path, cookie)) };
  const before = figuresAsOf(await send(request));
  const runs = await atOneAndFifty(request, options.dashboardSeconds, 120);
  const after = before && figuresAsOf(await send(request));
  const observed = before === null ? undefined : before === after ? `one summary, worked out at ${before}, served every measured request` : `every request read the figures afresh (${before}, then ${after})`;
  const note = `GET ${path.replace(cohortId, '<id>')} of the ${options.learners.toLocaleString('en')}-learner cohort with the synthetic instructor’s session cookie; ${options.dashboardSeconds} s windows. Every request reads the members’ figures from the readiness rollup and summarises them (nothing is kept between requests; the page’s “Figures as of” is the moment of its read); the same work is timed in-process below. Requests still unanswered when a window closes have no latency, so they are missing from the percentiles; the cell counts the responses.`;
  const first = { what: 'The first dashboard request of this server (its page-weight fetch, nothing kept yet)', status: weight.status, ms: weight.htmlMs };
  return { weight, row: { id: 'dashboard', label: 'Dashboard GET', note, first, observed, runs } };
}

/**
 * Times the dashboard in-process, then starts the server and measures everything over HTTP (and,
 * `withProxy`, the lesson through nginx). Resolves with the lesson's gzipped HTML too.
 */
async function measureTarget(target: Target, cohortId: string, browser: Browser, options: Options, passwords: Passwords, withProxy: boolean): Promise<{ result: TargetResult; lessonGzip: Buffer; proxy?: ProxyResult }> {
  progress(`${target.name}: dashboard queries in-process (${options.dashboardRuns} runs after a warm-up)…`);
  const dashboardInProcess = await benchDashboard(target.name, target.config, options.learners, options.dashboardRuns);
  progress(`${target.name}: starting the production server…`);
  const server = await startServer(target.env);
  try {
    const { baseUrl } = server;
    progress(`${target.name}: server at ${baseUrl}; signing in…`);
    const sessions = { learner: await sessionCookie(browser, baseUrl, demoLearner, passwords.demo), instructor: await sessionCookie(browser, baseUrl, syntheticInstructor, passwords.synthetic) };
    progress(`${target.name}: first-view bytes…`);
    const weights = await measureWeights(baseUrl, sessions);
    progress(`${target.name}: LCP under Slow 3G…`);
    const paint = await slow3gPages(browser, baseUrl, { lesson: lessonPath, caseBrief: `/consults/${caseId}` }, sessions.learner);
    const lesson = expectResponse('lesson', await send({ url: `${baseUrl}${lessonPath}` }), (r) => r.status === 200 && r.headers['content-encoding'] === 'gzip');
    const bench = { browser, baseUrl, options };
    const loads = [await lessonRow(bench, lesson), ...(await quizRows(bench)), await consultRow(bench)];
    const proxy = withProxy ? await proxyLesson(baseUrl, options.distDir, lessonPath, options.seconds) : undefined;
    const dashboard = await dashboardRows(bench, sessions.instructor, cohortId);
    const result = { database: target.name, weights: [...weights, dashboard.weight], loads: [...loads, dashboard.row], paint, dashboardInProcess };
    return { result, lessonGzip: lesson.body, proxy };
  } finally {
    progress(`${target.name}: stopping the server…`);
    await server.stop();
  }
}

/** The ceiling: Next's own gzipped lesson bytes from a minimal Node http server, at the same concurrency. */
async function measureStatic(lessonGzip: Buffer, options: Options): Promise<StaticCeiling> {
  progress('Static ceiling: the lesson bytes from a minimal Node http server…');
  const server = await startStaticServer(lessonGzip, tempDir('bench-static-'));
  try {
    return { bytes: lessonGzip.length, runs: await atOneAndFifty({ url: server.url }, options.seconds) };
  } finally {
    await server.stop();
  }
}

/** The whole run; always cleans up. */
async function main(): Promise<void> {
  const options = parseOptions();
  cleanupOnSignals();
  const started = new Date();
  const host = machine();
  const passwords: Passwords = { demo: randomBytes(12).toString('base64url'), synthetic: randomBytes(12).toString('base64url') };
  try {
    const env = baseEnv(options, passwords);
    const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    if (!postgresUrl) progress('PostgreSQL skipped: set BENCH_DATABASE_URL or DATABASE_URL to measure it too.');
    const targets = [pgliteTarget(env), ...(postgresUrl ? [await postgresTarget(env, postgresUrl)] : [])];
    // Nothing is measured yet, so the build and the seeding share the CPUs.
    progress(`Building, and seeding ${targets.map((t) => t.name).join(' and ')} with the demo accounts and ${options.learners} synthetic learners, in parallel…`);
    const [built, ...cohortIds] = await Promise.all([buildApp(options.distDir, !options.build), ...targets.map((t) => prepareDatabase(t.name, t.env, options.learners))]);
    const browser = await launchBrowser();
    const measured: Array<{ result: TargetResult; lessonGzip: Buffer; proxy?: ProxyResult }> = [];
    // The proxy serves its cached copy whatever the database: measured once, with the first.
    for (const [i, target] of targets.entries()) measured.push(await measureTarget(target, cohortIds[i]!, browser, options, passwords, i === 0));
    const staticCeiling = await measureStatic(measured[0]!.lessonGzip, options);
    const pgTarget = targets.find((t) => t.name === 'PostgreSQL');
    const actions = pgTarget && (await benchActions(pgTarget.env, options.distDir, options.before, browser, { quizId, caseId, seconds: options.seconds, realRequests: 5, replays: 100 }));
    const run: RunResult = {
      date: started.toISOString(),
      durationSeconds: (Date.now() - started.getTime()) / 1000,
      machine: host,
      settings: { learners: options.learners, seconds: options.seconds, dashboardSeconds: options.dashboardSeconds, distDir: options.distDir, built },
      targets: measured.map((m) => m.result),
      staticCeiling,
      proxy: measured[0]!.proxy,
      ...(actions ? { actions } : {}),
    };
    const stamp = run.date.slice(0, 16).replace(':', '');
    console.log(`\n${writeResults(run, stamp)}`);
    progress(`Wrote bench/results/latest.md, latest.json and ${stamp}-<db>.json.`);
  } finally {
    await cleanupAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
