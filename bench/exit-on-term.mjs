// Preloaded (`node --import`) into a server the bench profiles: SIGTERM ends it with a normal exit,
// so `node --cpu-prof` writes its profile (a process killed by a signal writes none).
process.on('SIGTERM', () => process.exit(0));
