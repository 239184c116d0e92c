// Runs once when a server instance starts: the outbox's recovery pass begins here (never during
// `next build`, which must not open the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startRecoveryWorker } = await import('@/lib/services/events/worker');
  startRecoveryWorker();
}
