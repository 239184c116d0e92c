// Runs once when a server instance starts: the outbox's recovery pass begins here (never during
// `next build`, which must not open the database).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startRecoveryWorker } = await import('@/lib/services/events/worker');
  startRecoveryWorker();
  // Load and check the content now, in the background, rather than in the first request that needs
  // it (a module's progress, a quiz): seconds on a small server, which a learner's phone, or its
  // service worker saving a module, would otherwise wait for. A failure here surfaces in that request.
  void import('@/lib/content').then(({ getCatalog }) => getCatalog()).catch(() => undefined);
}
