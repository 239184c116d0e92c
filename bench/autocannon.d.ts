// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  export type Options = {
    url: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
  };
  export type Result = {
    /** Seconds the run actually took. */
    duration: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds; `totalCount` is the number of responses. */
    latency: { p50: number; p99: number; totalCount: number };
    requests: { sent: number };
  };
  export default function autocannon(options: Options): Promise<Result>;
}
