// npm run bench:actions [-- --before <checkout>] [--no-build] [--dist-dir .next-bench] [--seconds 5] [--real 5] [--replays 100]
//
// Only the action section of `npm run bench` (bench/actions.ts), on a fresh PostgreSQL database
// (BENCH_DATABASE_URL or DATABASE_URL names the server): quicker to repeat than the whole run.
// Writes bench/results/<stamp>-actions.json and .md and prints the Markdown.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchActions } from './actions';
import { actionsMarkdown } from './actions-report';
import { launchBrowser } from './browser';
import { cleanupAll, cleanupOnSignals } from './cleanup';
import { postgresTarget } from './databases';
import { progress, root } from './proc';
import { machine } from './report';
import { buildApp, prepareDatabase } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      before: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'dist-dir': { type: 'string', default: '.next-bench' },
      seconds: { type: 'string', default: '5' },
      real: { type: 'string', default: '5' },
      replays: { type: 'string', default: '100' },
    },
  });
  const counts = { seconds: Number(values.seconds), realRequests: Number(values.real), replays: Number(values.replays) };
  for (const [name, n] of Object.entries(counts)) if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server: the actions are measured on PostgreSQL.');
  cleanupOnSignals();
  const host = machine();
  const started = new Date();
  try {
    const target = await postgresTarget({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, serverUrl);
    progress('Building (unless --no-build) and preparing a fresh PostgreSQL database…');
    await Promise.all([buildApp(values['dist-dir'], values['no-build']), prepareDatabase(target.name, target.env, 10)]);
    const browser = await launchBrowser();
    const result = await benchActions(target.env, values['dist-dir'], values.before, browser, { quizId: 'foundations', caseId: 'infant-fever-lhw', ...counts });
    const stamp = started.toISOString().slice(0, 16).replace(':', '');
    const m = host;
    const text = [`# Actions benchmark ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`, '', `Machine: ${m.cpu} × ${m.cpus} CPUs, ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}; load average at the start ${m.loadAverageAtStart.join(' / ')}.`, '', ...actionsMarkdown(result)].join('\n');
    writeFileSync(path.join(root, 'bench/results', `${stamp}-actions.md`), `${text}\n`);
    writeFileSync(path.join(root, 'bench/results', `${stamp}-actions.json`), `${JSON.stringify({ date: started.toISOString(), machine: host, ...result }, null, 2)}\n`);
    console.log(`\n${text}`);
  } finally {
    await cleanupAll();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
