// Input fuzzing (issue 15): every route handler, page and server action of the production build
// receives each class of bad input (support/inputs.ts). Each answer must be below 500, and a 4xx
// must carry a plain message (JSON routes: the `{ error, code }` of lib/http/respond.ts); an
// action's refusal comes back as its form state. Afterwards every table is as it was (a digest of
// each table before and after, support/site.ts). Runs on its own server and database.
import { expect, test } from '@playwright/test';
import { type Answer, type Identity, actionBody, anonymous, callAction, rawGet, send, sendRaw, signInAs } from './support/client';
import { buildWorld, pool } from './support/world';
import { type World, actionBaselines, badSegments, badValues, forgedSessionTokens, segmentBaseline } from './support/inputs';
import { type FuzzSite, digestExclusions, fingerprint, startFuzzSite } from './support/site';
import { type ActionTarget, type Segment, actionTargets, pageTargets, pattern, routeTargets } from './support/targets';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let site: FuzzSite;
let world: World;
const people: Record<'learner' | 'admin' | 'instructor' | 'doctor', Identity> = {} as never;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  site = await startFuzzSite();
  people.learner = await signInAs(site.url, 'learner@demo.telehealth.test');
  people.admin = await signInAs(site.url, 'admin@demo.telehealth.test');
  people.instructor = await signInAs(site.url, 'instructor@demo.telehealth.test');
  people.doctor = await signInAs(site.url, 'doctor@demo.telehealth.test');
  world = await buildWorld(site, people, (name) => byName(name).id);
});

test.afterAll(async () => site?.close());

const actions = () => actionTargets();
const byName = (name: string) => actions().find((a) => a.name === name)!;


type Sent = { target: string; klass: string; request: string; answer: Answer; kind: 'route-json' | 'route' | 'page' | 'action' | 'raw' };
const sent: Sent[] = [];
const problems: string[] = [];

/**
 * Known and not ours to fix here: a server-action body Next.js cannot decode (part 0 not JSON, or a
 * plain-text body that is not a reply) fails inside Next.js before any code of this app runs, and
 * Next.js answers it 500 (node_modules/next/dist/server/app-render/action-handler.js sends decode
 * errors down its generic error path, with a TODO to answer 4xx). Nothing runs, nothing changes;
 * these answers are counted and shown in the figures instead of failing the suite.
 */
const nextDecodeGap = (s: Sent) => s.kind === 'action' && s.answer.status === 500 && (s.klass === 'arguments: not JSON' || s.klass === 'body: plain text');
const gaps: Sent[] = [];

const stack = /\n\s+at .+\(.+:\d+:\d+\)|\bat async\b|node_modules\//;

/** The rules every answer to bad input keeps; breaches are collected and shown together. */
function judge(s: Sent) {
  const { status, body, contentType } = s.answer;
  const where = `${s.target} [${s.klass}] ${s.request}`;
  if (nextDecodeGap(s)) return void gaps.push(s);
  if (status >= 500 || status === 0) problems.push(`${status || 'no answer'} for ${where}: ${body.slice(0, 200)}`);
  if (stack.test(body)) problems.push(`a stack trace in the answer to ${where}`);
  if (status >= 400 && status < 500) {
    if (body.trim() === '' && s.kind !== 'raw') problems.push(`an empty ${status} for ${where}`);
    if (s.kind === 'route-json' && contentType.includes('application/json')) {
      const parsed = JSON.parse(body) as { error?: unknown; code?: unknown };
      if (typeof parsed.error !== 'string' || typeof parsed.code !== 'string') problems.push(`${status} without { error, code } for ${where}: ${body.slice(0, 200)}`);
    }
  }
}

async function record(s: Omit<Sent, 'answer'>, answer: Promise<Answer>) {
  const full = { ...s, answer: await answer.catch((e: Error) => ({ status: 0, body: String(e.message), contentType: '', location: null })) };
  sent.push(full);
  judge(full);
}

function fill(segments: Segment[], replace?: { index: number; value: string }): string {
  return `/${segments
    .map((seg, i) => (replace?.index === i ? replace.value : seg.kind === 'static' ? seg.text : encodeURIComponent(segmentBaseline(seg.name, world))))
    .join('/')}`;
}

/** Who a path is fuzzed as: the role its pages are for. */
function ownerOf(url: string): Identity {
  if (url.startsWith('/admin')) return people.admin;
  if (url.startsWith('/teach') || url.includes('/statistics')) return people.instructor;
  return people.learner;
}

test('bad input to every route, page and action is refused with a message, never a 5xx, and changes nothing', async () => {
  const before = await site.digest();
  const routes = routeTargets();
  const pages = pageTargets();
  const actionList = actions();
  const jobs: (() => Promise<void>)[] = [];

  // Route handlers: each dynamic segment broken, each method, as the role the route is for and signed out.
  for (const r of routes) {
    const json = r.file.startsWith('app/api/') && !r.file.includes('[...nextauth]');
    const kind = json ? 'route-json' : 'route';
    const name = pattern(r.segments);
    for (const method of r.methods) {
      const urls = [{ klass: 'baseline', url: fill(r.segments) }];
      r.segments.forEach((seg, index) => {
        if (seg.kind === 'param') for (const bad of badSegments(segmentBaseline(seg.name, world), world)) urls.push({ klass: `${seg.name}: ${bad.klass}`, url: fill(r.segments, { index, value: bad.value }) });
      });
      for (const { klass, url } of urls) {
        if (method === 'GET') {
          for (const who of [ownerOf(url), anonymous]) jobs.push(() => record({ target: `${method} ${name}`, klass, request: `${url} as ${who.name}`, kind }, send(site.url, url, { as: who })));
          continue;
        }
        // A body-taking method: the route's own baseline URL gets every kind of bad body below.
        if (klass === 'baseline') continue;
        jobs.push(() => record({ target: `${method} ${name}`, klass, request: url, kind }, send(site.url, url, { method, as: people.learner, headers: { 'content-type': 'application/json', origin: site.url }, body: '{}' })));
      }
      if (method !== 'GET') {
        const url = fill(r.segments);
        const bodies: { klass: string; type: string; body: string | Uint8Array<ArrayBuffer> }[] = [
          { klass: 'malformed JSON', type: 'application/json', body: '{"lesson": "what-is' },
          { klass: 'wrong type (array)', type: 'application/json', body: '[1,2,3]' },
          { klass: 'wrong type (number fields)', type: 'application/json', body: '{"lesson": 42, "credential": 42, "email": 42}' },
          { klass: 'missing fields', type: 'application/json', body: '{}' },
          { klass: 'NUL in JSON', type: 'application/json', body: '{"lesson": "what-is\\u0000", "credential": "a\\u0000b.c.d"}' },
          { klass: 'bidi in JSON', type: 'application/json', body: '{"lesson": "what\u202Eis", "credential": "\u202Eabc.def.ghi"}' },
          { klass: 'oversized field (100 kB)', type: 'application/json', body: JSON.stringify({ lesson: 'x'.repeat(100_000), credential: 'x'.repeat(100_000) }) },
          { klass: 'malformed JWT', type: 'application/json', body: JSON.stringify({ credential: 'not.a.jwt', lesson: 'x' }) },
          { klass: 'JWT with alg none', type: 'application/json', body: JSON.stringify({ credential: `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.` }) },
          { klass: 'raw NUL bytes', type: 'application/json', body: new Uint8Array([0x7b, 0x00, 0x00, 0x7d]) },
          { klass: 'form with NUL', type: 'application/x-www-form-urlencoded', body: 'lesson=what%00is&email=a%00b' },
          { klass: 'broken percent-encoding in a form', type: 'application/x-www-form-urlencoded', body: 'lesson=%E0%A4%A&email=%' },
          { klass: 'wrong content type', type: 'text/plain', body: 'hello' },
          { klass: 'empty body', type: 'application/json', body: '' },
        ];
        for (const who of [people.learner, anonymous]) {
          for (const b of bodies) {
            jobs.push(() => record({ target: `${method} ${name}`, klass: b.klass, request: `${url} as ${who.name}`, kind }, send(site.url, url, { method, as: who, headers: { 'content-type': b.type, origin: site.url }, body: b.body })));
          }
        }
      }
    }
  }

  // Pages: each dynamic segment and each query parameter broken (those the page's type names, and next, page, q).
  for (const p of pages) {
    const name = pattern(p.segments);
    const base = fill(p.segments);
    const who = ownerOf(base);
    p.segments.forEach((seg, index) => {
      if (seg.kind !== 'param') return;
      for (const bad of badSegments(segmentBaseline(seg.name, world), world)) {
        const url = fill(p.segments, { index, value: bad.value });
        jobs.push(() => record({ target: `page ${name}`, klass: `${seg.name}: ${bad.klass}`, request: `${url} as ${who.name}`, kind: 'page' }, send(site.url, url, { as: who })));
      }
    });
    for (const param of new Set([...p.query, 'next', 'page', 'q'])) {
      for (const bad of badSegments('1', world).slice(0, 8)) {
        const url = `${base}?${param}=${bad.value}`;
        jobs.push(() => record({ target: `page ${name}`, klass: `?${param}: ${bad.klass}`, request: `${url} as ${who.name}`, kind: 'page' }, send(site.url, url, { as: who })));
      }
      jobs.push(() => record({ target: `page ${name}`, klass: `?${param}: repeated`, request: `${base}?${param}=1&${param}=2`, kind: 'page' }, send(site.url, `${base}?${param}=1&${param}=2`, { as: who })));
    }
  }

  // Server actions: each field of a valid baseline broken in turn, then the request itself broken.
  const missingBaseline = actionList.filter((a) => !actionBaselines[a.name]).map((a) => `${a.name} (${a.file})`);
  expect(missingBaseline, 'every server action needs a baseline in tests/e2e/fuzz/support/inputs.ts').toEqual([]);
  for (const action of actionList) {
    const baseline = actionBaselines[action.name]!;
    const who = baseline.as === 'learner' ? people.learner : anonymous;
    const page = fill(pageSegments(action));
    const fields = baseline.fields(world);
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));
    const args = (form: string) => (action.args === 'state-form' ? [{ status: 'idle' }, form] : action.args === 'form' ? [form] : []);
    const call = (klass: string, body: FormData | string, headers: Record<string, string> = {}) =>
      jobs.push(() => record({ target: `action ${action.name}`, klass, request: `POST ${page} as ${who.name}`, kind: 'action' }, callAction(site.url, page, action.id, body, who, headers)));
    for (const [field, spec] of Object.entries(fields)) {
      for (const bad of badValues(spec, world)) {
        const broken: Record<string, unknown> = { ...values };
        if (bad.value === null) delete broken[field];
        else broken[field] = bad.value;
        call(`${field}: ${bad.klass}`, actionBody(args('$K1'), broken as never));
      }
    }
    // The arguments themselves: the wrong number, the wrong types, not JSON, and a body over the limit.
    call('arguments: none', actionBody([], {}));
    call('arguments: a string for the form', actionBody(args('just text'), values));
    // The other wrapper's shape: the form alone for a form-state action, a state before the form for a page action.
    if (action.args !== 'none') call('arguments: the other shape', actionBody(action.args === 'state-form' ? ['$K1'] : [{ status: 'idle' }, '$K1'], values));
    call('arguments: numbers', actionBody([1, 2, 3], {}));
    call('arguments: not JSON', (() => { const f = actionBody([], values); f.set('0', '{"broken'); return f; })());
    call('body: plain text', 'not a reply', { 'content-type': 'text/plain' });
    call('body: 3 MB', actionBody(args('$K1'), { ...values, pad: 'x'.repeat(3 * 1024 * 1024) }));
    call('header: unknown action id', actionBody(args('$K1'), values), { 'next-action': `${action.id.slice(0, -4)}0000` });
  }

  // Request lines no client should send, a forged session, and next-auth's own endpoints.
  const host = new URL(site.url).host;
  for (const [klass, line] of [
    ['raw NUL in the path', '/verify/abc\u0000def'],
    ['raw CR in the path', '/verify/abc\rdef'],
    ['broken percent-encoding', '/modules/%E0%A4%A'],
    ['broken percent-encoding in a query', '/admin/users?q=%E0%A4%A'],
    ['lone percent', '/verify/%'],
    ['overlong UTF-8', '/verify/%C0%AF'],
    ['absolute-form URL', 'http://evil.example/profile'],
  ] as const) {
    jobs.push(() => record({ target: 'request line', klass, request: JSON.stringify(line), kind: 'raw' }, sendRaw(site.url, rawGet(line, host))));
  }
  for (const forged of forgedSessionTokens()) {
    for (const url of ['/profile', '/admin/users', '/api/progress/modules/foundations', '/certificates', '/api/auth/session']) {
      jobs.push(() => record({ target: `session ${url}`, klass: forged.klass, request: url, kind: url.startsWith('/api/progress') ? 'route-json' : 'page' }, send(site.url, url, { headers: { cookie: `authjs.session-token=${forged.value}` } })));
    }
  }
  for (const url of ['/api/auth/error?error=Configuration', '/api/auth/error?error=%00', '/api/auth/signin/nosuch', '/api/auth/callback/nosuch', '/api/auth/nosuch', '/api/auth/providers?x=%00']) {
    jobs.push(() => record({ target: 'next-auth', klass: 'unknown or broken', request: url, kind: 'page' }, send(site.url, url)));
  }
  jobs.push(() => record({ target: 'next-auth', klass: 'credentials without CSRF', request: 'POST /api/auth/callback/credentials', kind: 'page' }, send(site.url, '/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=a%00&password=%E0%A4%A' })));

  const started = Date.now();
  await pool(jobs, 4, (job) => job());
  const after = await site.digest();

  const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} → ${after[t]}`);
  const targets = new Set(sent.map((s) => s.target));
  const count = (f: (s: Sent) => boolean) => sent.filter(f).length;
  const refusedActions = count((s) => s.kind === 'action' && s.answer.status < 400 && /"status":"(invalid|error)"/.test(s.answer.body));
  console.log(
    `[fuzz] ${targets.size} targets (${routes.length} route files, ${pages.length} pages, ${actionList.length} server actions) · ${sent.length} bad inputs sent in ${Math.round((Date.now() - started) / 1000)} s · ` +
      `${count((s) => s.answer.status >= 400 && s.answer.status < 500)} answered 4xx, ${refusedActions} refused in an action's form state, ${count((s) => s.answer.status >= 300 && s.answer.status < 400)} redirected · ` +
      `${count((s) => s.answer.status >= 500) - gaps.length} answered 5xx (and ${gaps.length} undecodable action bodies Next.js itself answers 500) · ${Object.keys(before).length} tables unchanged (${site.database}, digest ${fingerprint(after)}; not compared: ${digestExclusions.tables.join(', ')}, sessions.last_seen_at, failed join codes in audit_log)`,
  );
  if (changed.length > 0) {
    const accepted = sent.filter((s) => s.kind === 'action' && (/"status":"ok"/.test(s.answer.body) || s.answer.status === 303)).map((s) => `${s.target} [${s.klass}]`);
    if (changed.some((c) => c.startsWith('audit_log'))) console.log('[fuzz] latest audit entries:', JSON.stringify(await site.query('select action, subject_type, detail from audit_log order by id desc limit 8')));
    console.log(`[fuzz] tables changed:\n${changed.join('\n')}\n[fuzz] action inputs not refused:\n${accepted.join('\n')}`);
  }
  if (problems.length > 0) console.log(`[fuzz] server log:\n${site.log().split('\n').filter((l) => /error|failed/i.test(l)).slice(0, 60).join('\n')}`);
  expect(problems, 'every bad input is refused plainly').toEqual([]);
  expect(changed, 'the database is as it was').toEqual([]);
});

/** The segments of a page that renders the action: a static one when there is one. */
function pageSegments(action: ActionTarget): Segment[] {
  const page = [...action.pages].sort((a, b) => Number(a.includes('[')) - Number(b.includes('[')))[0] ?? '/';
  return page
    .split('/')
    .filter(Boolean)
    .map((s): Segment => {
      const param = /^\[(\.\.\.)?([^\]]+)\]$/.exec(s);
      return param ? { kind: 'param', name: param[2]!, catchAll: Boolean(param[1]) } : { kind: 'static', text: s };
    });
}
