import 'server-only';
// Speaking to an LRS: the statements resource with basic auth and the xAPI version header.
import { statementsUrl } from '@/lib/domain/xapi/endpoint';
import { xapiVersion } from '@/lib/domain/xapi/vocabulary';
import { decryptSecret } from './secret';

export type LrsConnection = { endpoint: string; authKey: string; authSecret: string };
export type LrsAnswer = { status: number; body: string };

const TIMEOUT_MS = 15_000;

function headers(lrs: LrsConnection): Record<string, string> {
  const credentials = Buffer.from(`${lrs.authKey}:${decryptSecret(lrs.authSecret)}`).toString('base64');
  return { Authorization: `Basic ${credentials}`, 'X-Experience-API-Version': xapiVersion, 'Content-Type': 'application/json' };
}

async function send(url: string, method: 'POST' | 'PUT', lrs: LrsConnection, body: unknown): Promise<LrsAnswer> {
  const response = await fetch(url, { method, headers: headers(lrs), body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
  const text = await response.text().catch(() => '');
  // Only a short excerpt is kept: it is shown to admins and logged, and must not grow unbounded.
  return { status: response.status, body: text.slice(0, 300) };
}

/** POST /statements with a batch (the LRS stores all of it or none). */
export function postStatements(lrs: LrsConnection, statements: unknown[]): Promise<LrsAnswer> {
  return send(statementsUrl(lrs.endpoint), 'POST', lrs, statements);
}

/** PUT /statements?statementId=… with one statement (204 when stored or already held unchanged). */
export function putStatement(lrs: LrsConnection, id: string, statement: unknown): Promise<LrsAnswer> {
  return send(`${statementsUrl(lrs.endpoint)}?statementId=${encodeURIComponent(id)}`, 'PUT', lrs, statement);
}

export function describeAnswer(answer: LrsAnswer): string {
  return `the LRS answered ${answer.status}${answer.body ? `: ${answer.body.replace(/\s+/g, ' ')}` : ''}`;
}
