// One background pass at a time per process. Every action's follow-up used to start its own pass over
// the outbox (due deliveries, then xAPI statements) once its response was sent: at 50 requests in
// flight, 50 passes read the same due rows side by side, and all but one found nothing to do.

/**
 * Wraps `pass` so that calls while it runs share it: a call during a pass gets one more pass after it
 * (which starts after the caller's own writes were committed, so nothing it wrote is missed), however
 * many calls came in meanwhile. Resolves when the pass that covers the call has finished.
 */
export function onePassAtATime(pass: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    let failure: unknown = null;
    try {
      do {
        again = false;
        try {
          await pass();
          failure = null;
        } catch (error) {
          // The calls that came in meanwhile still get their pass; the failure reaches every caller.
          failure = error ?? new Error('background pass failed');
        }
      } while (again);
    } finally {
      running = null;
    }
    if (failure !== null) throw failure;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
