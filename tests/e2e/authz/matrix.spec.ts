// The authorization matrix (issue 15): every page, route handler and server action the app has,
// requested by each of seven principals (routes also by three institution-scoped ones), against the one table of expected outcomes (table.ts).
// Run it alone with `npx playwright test tests/e2e/authz` (after `npx next build`).
import path from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { ownSite } from '../support/own-server';
import { isRefusal, matches, readAction, readRoute } from './client';
import { discoverActions, discoverRoutes, fillPattern } from './routes';
import { actionTable } from './action-table';
import { type ActionRow, type Outcome, type Principal, type RouteRow, type ScopedPrincipal, type World, cell, principals, routeCell, routeTable, scopedPrincipals } from './table';
import { Site, accounts, buildWorld } from './world';

const rowName = (r: RouteRow) => `${r.method} ${r.route}${r.label ? ` (${r.label})` : ''}`;
const actionRowName = (r: ActionRow) => (r.label ? `${r.action} (${r.label})` : r.action);

test('the table has a row for every route, method and server action the app has, and none for what it does not have', () => {
  const routes = discoverRoutes();
  const actions = discoverActions();
  const problems: string[] = [];
  for (const route of routes) {
    for (const method of route.methods) {
      if (!routeTable.some((r) => r.route === route.pattern && r.method === method)) problems.push(`no row in table.ts for ${method} ${route.pattern} (${route.file})`);
    }
  }
  for (const row of routeTable) {
    const route = routes.find((r) => r.pattern === row.route);
    if (!route) problems.push(`table.ts has a row for ${rowName(row)}, which the app no longer has`);
    // A method the handler does not export may have a row only to check that it is refused.
    else if (!route.methods.includes(row.method) && !(route.kind === 'handler' && row.expect.every((o) => o === 405))) {
      problems.push(`table.ts has a row for ${rowName(row)}, a method the route does not export (expect 405 everywhere, or remove it)`);
    }
  }
  const seen = new Set<string>();
  for (const row of routeTable) {
    if (seen.has(rowName(row))) problems.push(`table.ts has two rows for ${rowName(row)}`);
    seen.add(rowName(row));
  }
  for (const action of actions) {
    if (!actionTable.some((r) => r.action === action.name)) problems.push(`no row in table.ts for the server action ${action.name}`);
  }
  for (const row of actionTable) {
    const action = actions.find((a) => a.name === row.action);
    if (!action) problems.push(`table.ts has a row for the server action ${row.action}, which the build no longer has`);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});


test('every principal gets the outcome the table expects from every route and server action', async ({ playwright }) => {
  test.setTimeout(300_000);
  const started = Date.now();
  const site = ownSite({ TRUSTED_PROXY_HOPS: '1' });
  const server = await site.start();
  const contexts: APIRequestContext[] = [];
  try {
    const app = new Site(playwright, server.url, discoverActions());
    const { world, apis, scopedApis } = await buildWorld(app, path.join(site.data, 'mail'));
    contexts.push(...Object.values(apis), ...Object.values(scopedApis));
    const everyone = { ...apis, ...scopedApis };
    const failures: string[] = [];
    let cells = 0;
    let checks = 0;
    const record = (row: string, principal: Principal | ScopedPrincipal, expected: Outcome, reading: { outcome: Outcome; detail: string; problem?: string }) => {
      cells += 1;
      if (!matches(expected, reading.outcome)) failures.push(`${row} as ${principal}: expected ${expected}, got ${reading.outcome} (${reading.detail})`);
      else if (reading.problem) failures.push(`${row} as ${principal}: ${reading.problem}`);
    };

    const ready = Date.now();

    // Pages and route handlers change nothing another cell reads (a lesson marked complete is each
    // principal's own), so they are asked a few rows at a time, every principal at once.
    const batch = 4;
    for (let i = 0; i < routeTable.length; i += batch) {
      const cellsOf = (row: RouteRow) =>
        [...principals, ...scopedPrincipals].map(async (p) => {
          const url = fillPattern(row.route, row.params?.(world, p === 'collegeAdmin' || p === 'collegeViewer' || p === 'elsewhereAdmin' ? 'otherInstructor' : p) ?? {});
          const res = await everyone[p].fetch(url, { method: row.method, maxRedirects: 0, ...(row.json ? { data: row.json(world) } : {}) });
          record(rowName(row), p, routeCell(row, p), await readRoute(res, url));
        });
      await Promise.all(routeTable.slice(i, i + batch).flatMap(cellsOf));
    }

    // Server actions, in the table's order. In each row the principals who must be refused go first,
    // then what they might have changed is read again, then the others act: a success (a revoked
    // certificate, a closed cohort) can neither hide a refusal that changed something nor be undone by it.
    for (const row of actionTable) {
      const refused = principals.filter((p) => isRefusal(cell(row.expect, p)));
      const others = principals.filter((p) => !refused.includes(p));
      const before = row.unchanged ? JSON.stringify(await row.unchanged(world, apis)) : '';
      const ask = async (p: Principal) => {
        const api = row.fresh && p !== 'anonymous' ? await app.signIn(accounts[p]) : apis[p];
        if (api !== apis[p]) contexts.push(api);
        const res = await app.call(api, row.at(world), row.action, row.call, row.fields(world, p));
        record(actionRowName(row), p, cell(row.expect, p), await readAction(res));
      };
      for (const p of refused) await ask(p);
      if (row.unchanged) {
        const after = JSON.stringify(await row.unchanged(world, apis));
        checks += 1;
        if (after !== before) failures.push(`${actionRowName(row)}: the refused requests changed something (before ${before}, after ${after})`);
      }
      for (const p of others) await ask(p);
      // Signing out everywhere ended the principals' main sessions too: they sign in again.
      if (row.fresh) for (const p of principals) if (p !== 'anonymous') contexts.push((apis[p] = await app.signIn(accounts[p])));
    }
    await checkNothingChanged(world, apis, failures);

    const routes = discoverRoutes();
    const figures = {
      routes: routes.length,
      'route rows (route × method)': routeTable.length,
      actions: discoverActions().length,
      'action rows': actionTable.length,
      principals: principals.length + scopedPrincipals.length,
      cells,
      'no-change checks': checks,
      failures: failures.length,
      'seconds (site and setup)': Math.round((ready - started) / 1000),
      'seconds (cells)': Math.round((Date.now() - ready) / 1000),
    };
    console.log(`Authorization matrix: ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    expect(failures, failures.join('\n')).toEqual([]);
  } finally {
    await Promise.all(contexts.map((c) => c.dispose()));
    await server.stop();
    site.remove();
  }
});

/** After every refusal ran: what the refused principals tried to change is as it was (or as the allowed ones left it). */
async function checkNothingChanged(world: World, apis: Record<Principal, APIRequestContext>, failures: string[]) {
  const fail = (what: string, detail: string) => failures.push(`after the actions, ${what}: ${detail}`);
  // Revoked by the admin, then reinstated: valid, as before.
  const verify = (await (await apis.anonymous.get(`/api/verify/${world.certificate}`)).json()) as { status: string };
  if (verify.status !== 'valid') fail('certificate status', `the owner's certificate is ${verify.status}`);
  // Nobody but the admin could promote: the others still cannot open the admin's pages.
  for (const p of ['owner', 'otherLearner', 'cohortInstructor', 'otherInstructor', 'reviewer'] as const) {
    const status = (await apis[p].get('/admin/users', { maxRedirects: 0 })).status();
    if (status !== 403) fail('roles', `${p} now gets ${status} from /admin/users`);
  }
  // Only the reviewer and the admin signed off the lesson.
  const csv = await (await apis.admin.get('/admin/content/sign-offs.csv')).text();
  const decisions = csv.split('\r\n').filter((line) => line.includes('what-is-telemedicine')).length;
  if (decisions !== 2) fail('sign-offs', `${decisions} decisions on the lesson, not 2 (the reviewer's and the admin's)`);
  // The owner is still a member of the main cohort, and the stranger's invitation was withdrawn only by staff.
  const members = await (await apis.cohortInstructor.get(`/teach/cohorts/${world.cohorts.main.id}/members`)).text();
  if (!members.includes(`/learners/${world.users.owner.id}`)) fail('cohort membership', 'the owner is no longer a member of the main cohort');
}
