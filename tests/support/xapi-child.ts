// A separate process for the xAPI crash test: it sends the statements due at <iso time> in one
// batch and is killed with SIGKILL by the test while the LRS holds that batch unanswered.
//   xapi-child <iso time> <batch size>
import { openDb } from '@/db/client';
import { sendDueStatements } from '@/lib/services/xapi/send';

const [at, batchSize] = process.argv.slice(2);
if (!at || !batchSize) throw new Error('usage: xapi-child <iso time> <batch size>');
const url = process.env.CHILD_DATABASE_URL;
const handle = openDb(url ? { driver: 'pg', url } : { driver: 'pglite', dataDir: process.env.CHILD_PGLITE_DIR ?? null });
console.log('sending');
const report = await sendDueStatements(handle.db, new Date(at), { batchSize: Number(batchSize) });
console.log(`finished ${JSON.stringify(report)}`); // never reached: the LRS does not answer
await handle.close();
