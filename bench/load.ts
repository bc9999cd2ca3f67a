/** One autocannon load run against one target, and the median of a target's runs. */
import autocannon from "autocannon";
import { median } from "./stats.js";

export interface Target {
  name: string;
  /** url, method, headers, body and a verifyBody that rejects any answer but the expected one. */
  options: autocannon.Options;
}

export interface Run {
  target: string;
  rps: number;
  /** non-2xx + errors (timeouts included) + bodies verifyBody rejected. */
  bad: number;
  detail: string;
}

export async function load(target: Target, durationS: number, connections: number): Promise<Run> {
  const result = await autocannon({
    ...target.options,
    connections,
    duration: durationS,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  });
  return {
    target: target.name,
    rps: result.requests.average,
    bad: result.errors + result.non2xx + result.mismatches,
    detail:
      `${target.name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
      `${result["2xx"]} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} timeouts), ` +
      `${result.mismatches} bad bodies`,
  };
}

export function medianRps(runs: readonly Run[], target: Target): number {
  return median(runs.filter((run) => run.target === target.name).map((run) => run.rps));
}

export function badTotal(runs: readonly Run[]): number {
  return runs.reduce((sum, run) => sum + run.bad, 0);
}

export const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
