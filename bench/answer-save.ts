// npm run bench:answer-save [-- --rounds 5 --saves 200 --seconds 3]
//
// The database half of a quiz answer save, in-process on PostgreSQL (BENCH_DATABASE_URL or
// DATABASE_URL names the server; a fresh database is made and dropped): the one-statement save
// (`saveAnswers`) against the save read and checked step by step (`saveStepByStep`, how every save
// went before), alternating in rounds so the machine's load falls on both alike. Reports the
// statements each sends per save, the time per save one after another, and saves per second with
// 50 in flight (50 learners, each on their own attempt) through a pool of 10 connections, the
// app's default. The session lookup and Next.js's handling of the action are not in it.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Client, Pool } from 'pg';
import { openDb } from '@/db/client';
import { saveAnswers, saveStepByStep } from '@/db/queries/quiz-answers';
import { startOrResumeAttempt } from '@/db/queries/quizzes';
import { type Actor, createUser } from '@/db/queries/users';
import * as schema from '@/db/schema';
import { getCatalog } from '@/lib/content';
import type { Answers } from '@/lib/domain/quiz';
import { machine } from './report';

type Save = typeof saveAnswers;
const ways: [string, Save][] = [
  ['one statement (saveAnswers)', saveAnswers],
  ['step by step (before)', saveStepByStep],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, saves: { type: 'string', default: '200' }, seconds: { type: 'string', default: '3' } } });
  const [rounds, saves, seconds] = [Number(values.rounds), Number(values.saves), Number(values.seconds)];
  const server = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!server) throw new Error('Set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server.');
  const name = `bench_save_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const migrating = openDb({ driver: 'pg', url: url.toString() });
  await migrating.migrate();
  await migrating.close();
  const pool = new Pool({ connectionString: url.toString(), max: 10 });
  // Dropping the database at the end ends any connection the pool still holds: expected, not an error.
  pool.on('error', () => undefined);
  let statements = 0;
  const db = drizzle(pool, { schema, logger: { logQuery: () => statements++ } });
  const load = machine().loadAverageAtStart;
  try {
    const quiz = (await getCatalog()).quizzes.find((q) => q.def.id === 'foundations')!.def;
    const learners: { user: Actor; attemptId: string; answers: Answers }[] = [];
    for (let i = 0; i < 50; i++) {
      const user = await createUser(db, { name: `Saver ${i}`, email: `saver.${i}@bench.example`, passwordHash: 'x', profession: 'student', role: 'learner' });
      if (!user) throw new Error('user not created');
      const started = await startOrResumeAttempt(db, user, quiz, 'bench', new Date(), i + 1);
      if (!started.ok) throw new Error('attempt refused');
      const entry = started.attempt.paper[0]!;
      learners.push({ user, attemptId: started.attempt.id, answers: { [entry.questionId]: [entry.optionOrder[0]!] } });
    }
    const once = async (save: Save, i: number) => {
      const l = learners[i % learners.length]!;
      const result = await save(db, l.user, l.attemptId, quiz, l.answers, new Date());
      if (!result.ok) throw new Error(`save refused: ${result.reason}`);
    };
    const rows = ways.map(([label]) => ({ label, statements: 0, ms: [] as number[], perSecond: [] as number[] }));
    for (const [w, [, save]] of ways.entries()) {
      statements = 0;
      await once(save, 0);
      rows[w]!.statements = statements;
    }
    for (let round = 0; round < rounds; round++) {
      for (const [w, [, save]] of ways.entries()) {
        const t0 = performance.now();
        for (let i = 0; i < saves; i++) await once(save, i);
        rows[w]!.ms.push((performance.now() - t0) / saves);
        let done = 0;
        const until = performance.now() + seconds * 1000;
        await Promise.all(learners.map(async (_, i) => {
          while (performance.now() < until) {
            await once(save, i);
            done++;
          }
        }));
        rows[w]!.perSecond.push(done / seconds);
      }
    }
    const lines = [
      `# Quiz answer save, database half, ${new Date().toISOString().slice(0, 16)} UTC`,
      '',
      `Machine: ${machine().cpu} × ${machine().cpus} CPUs, Node ${machine().node}; load average at the start ${load.join(' / ')}, at the end ${machine().loadAverageAtStart.join(' / ')}. PostgreSQL on 127.0.0.1, a fresh database. ${rounds} alternating rounds: ${saves} saves one after another, then ${seconds} s with 50 in flight (50 learners, each their own attempt, pool of 10).`,
      '',
      '| Save | Statements per save | One after another, ms per save (median of rounds) | 50 in flight, saves/s (median of rounds) |',
      '|---|---|---|---|',
      ...rows.map((r) => `| ${r.label} | ${r.statements} | ${median(r.ms).toFixed(2)} (${r.ms.map((x) => x.toFixed(2)).join(', ')}) | ${median(r.perSecond).toFixed(0)} (${r.perSecond.map((x) => x.toFixed(0)).join(', ')}) |`),
    ];
    const md = `${lines.join('\n')}\n`;
    const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, '');
    writeFileSync(path.join(process.cwd(), 'bench', 'results', `${stamp}-answer-save.md`), md);
    console.log(md);
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
