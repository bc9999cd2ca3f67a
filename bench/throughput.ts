import autocannon from "autocannon";
import { spawnServer, stopChild, type RunningChild } from "./child-process.js";
import { HELLO_SERVER, SANDBOX_ARGS, tsxArgs } from "./paths.js";
import type { Row } from "./report.js";
import { median } from "./stats.js";
import { TOKEN_HEADER, campaignBody, createCampaign, postJson, successResult } from "./yoomoney-client.js";

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 3;
const ROUNDS = 2;
const TARGET_RATIO = 0.8;
const TOKEN = "bench-throughput";
const HELLO_BODY = JSON.stringify({ hello: "world" });

interface Target {
  name: string;
  options: autocannon.Options;
}

interface Round {
  name: string;
  rps: number;
  p99: number;
  bad: number;
  detail: string;
}

async function load(target: Target, duration: number): Promise<Round> {
  const result = await autocannon({
    ...target.options,
    connections: CONNECTIONS,
    duration,
    renderProgressBar: false,
    renderResultsTable: false,
    renderLatencyTable: false,
  });
  const bad = result.errors + result.non2xx + result.mismatches;
  return {
    name: target.name,
    rps: result.requests.average,
    p99: result.latency.p99,
    bad,
    detail:
      `${target.name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
      `${result["2xx"]} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors (${result.timeouts} timeouts), ` +
      `${result.mismatches} bad bodies`,
  };
}

/** The sandbox target: POST campaigns/get of one stored campaign; every body must be a success envelope. */
async function sandboxTarget(sandbox: RunningChild): Promise<Target> {
  const ymCampaignId = await createCampaign(sandbox.url, TOKEN, campaignBody(1));
  const body = JSON.stringify({ ymCampaignId });
  successResult(await postJson(sandbox.url, "/api/offerwall/v1/campaigns/get", TOKEN, { ymCampaignId }), "campaigns/get");
  return {
    name: "sandbox campaigns/get",
    options: {
      url: `${sandbox.url}/api/offerwall/v1/campaigns/get`,
      method: "POST",
      headers: TOKEN_HEADER(TOKEN),
      body,
      verifyBody: (text) => text.includes('"status":"success"'),
    },
  };
}

function helloTarget(hello: RunningChild): Target {
  return {
    name: "express hello-world GET",
    options: { url: `${hello.url}/`, method: "GET", verifyBody: (text) => text === HELLO_BODY },
  };
}

export async function benchThroughput(): Promise<{ rows: Row[]; notes: string[] }> {
  const hello = await spawnServer({ args: tsxArgs(HELLO_SERVER) });
  const sandbox = await spawnServer({ args: SANDBOX_ARGS }).catch(async (error: unknown) => {
    await stopChild(hello.child);
    throw error;
  });
  try {
    const targets = [helloTarget(hello), await sandboxTarget(sandbox)];
    const warmups: Round[] = [];
    for (const target of targets) warmups.push(await load(target, WARMUP_S));
    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) rounds.push(await load(target, DURATION_S));
    }
    const helloRounds = rounds.filter((r) => r.name === targets[0]?.name);
    const sandboxRounds = rounds.filter((r) => r.name === targets[1]?.name);
    const helloRps = median(helloRounds.map((r) => r.rps));
    const sandboxRps = median(sandboxRounds.map((r) => r.rps));
    const ratio = sandboxRps / helloRps;
    const bad = [...warmups, ...rounds].reduce((sum, r) => sum + r.bad, 0);
    const rows: Row[] = [
      { metric: "express 5 hello-world GET, req/s (median of 2 × 10 s, 50 conn)", measured: `${Math.round(helloRps)}`, target: "baseline" },
      { metric: "sandbox campaigns/get, req/s (median of 2 × 10 s, 50 conn)", measured: `${Math.round(sandboxRps)}`, target: "—" },
      {
        metric: "campaigns/get ÷ hello-world req/s",
        measured: `${(ratio * 100).toFixed(1)} %`,
        target: `≥ ${TARGET_RATIO * 100} %`,
        pass: ratio >= TARGET_RATIO,
      },
      {
        metric: "non-2xx, errors, timeouts, bad bodies (all load runs)",
        measured: `${bad}`,
        target: "0",
        pass: bad === 0,
      },
    ];
    const notes = [
      ...warmups.map((r) => `warm-up ${WARMUP_S} s, ${r.detail}`),
      ...rounds.map((r, i) => `round ${Math.floor(i / targets.length) + 1}, ${r.detail}`),
    ];
    return { rows, notes };
  } finally {
    await Promise.all([stopChild(hello.child), stopChild(sandbox.child)]);
  }
}
