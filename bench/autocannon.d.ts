// Types for the part of autocannon 9 (which ships none) that the benchmarks use.
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      method?: "GET" | "POST";
      headers?: Record<string, string>;
      body?: string;
      /** A response whose body makes this return false counts as a mismatch. */
      verifyBody?: (body: string) => boolean;
      /** Requests sent in turn on each connection; setupRequest may change one before it is sent. */
      requests?: Array<{ setupRequest?: (request: { headers?: Record<string, string> }) => { headers?: Record<string, string> } }>;
      renderProgressBar?: boolean;
      renderResultsTable?: boolean;
      renderLatencyTable?: boolean;
    }

    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p99: number;
    }

    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      "2xx": number;
      requests: Histogram & { sent: number };
      latency: Histogram;
      throughput: Histogram;
    }
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;

  export = autocannon;
}
