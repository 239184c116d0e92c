// Types for scripts/workers.mjs (a plain ES module the launcher runs without a build step).
type Env = Record<string, string | undefined>;
export declare const MAX_WORKERS: number;
export declare function embeddedDatabase(env: Env): boolean;
export declare function workerCount(env: Env, cores: number): { workers: number; error?: undefined } | { error: string; workers?: undefined };
