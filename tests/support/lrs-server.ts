// A small Learning Record Store on loopback for the xAPI tests: it checks the version header and
// basic auth, validates every statement with Learning Locker's conformance-tested validator,
// keeps one copy per id, answers 409 to a different statement under a held id, and can fail the
// first N requests or hold a batch without answering (so a test can kill the sender mid-batch).
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import validate from '@learninglocker/xapi-validation';

export type LrsOptions = { key: string; secret: string; failFirst?: number };
type Hold = 'store-then-hang' | 'hang-before-store';

/** Key order does not matter to an LRS comparing two statements. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class TestLrs {
  readonly stored = new Map<string, string>();
  /** How many times each id was stored (must stay 1). */
  readonly storeCount = new Map<string, number>();
  readonly requests: { method: string; status: number; count: number }[] = [];
  readonly invalid: string[] = [];
  failuresLeft: number;
  private hold: { mode: Hold; arrived: () => void } | null = null;
  private server: Server;

  constructor(private readonly options: LrsOptions) {
    this.failuresLeft = options.failFirst ?? 0;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/xapi`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Holds the next batch unanswered; resolves once it has arrived (and, with `store-then-hang`, been stored). */
  holdNextBatch(mode: Hold): Promise<void> {
    return new Promise((arrived) => (this.hold = { mode, arrived }));
  }

  /** Puts a statement in the store directly, as another system would have. */
  preload(statement: { id: string } & Record<string, unknown>): void {
    this.stored.set(statement.id, canonical(statement));
  }

  private answer(res: ServerResponse, method: string, count: number, status: number, body: unknown = '') {
    this.requests.push({ method, status, count });
    res.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? '';
    const url = new URL(req.url ?? '/', 'http://lrs');
    const expected = `Basic ${Buffer.from(`${this.options.key}:${this.options.secret}`).toString('base64')}`;
    if (url.pathname !== '/xapi/statements' || (method !== 'POST' && method !== 'PUT')) return this.answer(res, method, 0, 404);
    if (!req.headers['x-experience-api-version']?.toString().startsWith('1.0')) return this.answer(res, method, 0, 400, { error: 'version header' });
    if (req.headers.authorization !== expected) return this.answer(res, method, 0, 401);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return this.answer(res, method, 0, 503, { error: 'try again later' });
    }
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const batch = (Array.isArray(parsed) ? parsed : [parsed]) as { id?: string }[];
    if (method === 'PUT' && batch[0]) batch[0].id ??= url.searchParams.get('statementId') ?? undefined;
    const problems = batch.map((s) => ({ id: s.id, warnings: validate(s) })).filter((p) => p.warnings.length > 0);
    this.invalid.push(...problems.map((p) => `${p.id}: ${JSON.stringify(p.warnings)}`));
    if (problems.length > 0) return this.answer(res, method, batch.length, 400, { error: 'invalid statement' });
    if (batch.some((s) => !s.id) || new Set(batch.map((s) => s.id)).size !== batch.length) return this.answer(res, method, batch.length, 400, { error: 'ids' });
    if (batch.some((s) => this.stored.has(s.id!) && this.stored.get(s.id!) !== canonical(s))) return this.answer(res, method, batch.length, 409, { error: 'conflict' });
    const hold = this.hold;
    this.hold = null;
    if (hold?.mode === 'hang-before-store') return hold.arrived();
    for (const s of batch) {
      if (this.stored.has(s.id!)) continue; // held unchanged: nothing to do
      this.stored.set(s.id!, canonical(s));
      this.storeCount.set(s.id!, (this.storeCount.get(s.id!) ?? 0) + 1);
    }
    if (hold) return hold.arrived();
    return method === 'PUT' ? this.answer(res, method, 1, 204) : this.answer(res, method, batch.length, 200, batch.map((s) => s.id));
  }
}
