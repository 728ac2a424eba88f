// The slice of autocannon's API that the benches use (the package ships no types).
declare module 'autocannon' {
  interface Req {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests per second across all connections. */
    overallRate?: number;
    method?: string;
    headers?: Record<string, string>;
    /** The same body on every request. */
    body?: string;
    requests?: Array<{ setupRequest?: (req: Req) => Req }>;
  }
  export interface Result {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
