import { spawnServer, stopChild, type RunningChild } from "./child-process.js";
import { benchRounds, benchSeconds } from "./env.js";
import { badTotal, load, medianRps, percent, type Run, type Target } from "./load.js";
import { HELLO_SERVER, POST_ECHO_SERVER, SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { TOKEN_HEADER, campaignBody, createCampaign, postJson, successResult } from "./yoomoney-client.js";

const CONNECTIONS = 50;
const WARMUP_S = 3;
const TARGET_RATIO = 0.8;
const TOKEN = "bench-throughput";
const HELLO_BODY = JSON.stringify({ hello: "world" });

function helloTarget(hello: RunningChild): Target {
  return {
    name: "express hello-world GET",
    options: { url: `${hello.url}/`, method: "GET", verifyBody: (text) => text === HELLO_BODY },
  };
}

/** POST campaigns/get of one stored campaign; a body that is not a success envelope is a failure. */
function campaignGetTarget(name: string, url: string, ymCampaignId: number): Target {
  return {
    name,
    options: {
      url,
      method: "POST",
      headers: TOKEN_HEADER(TOKEN),
      body: JSON.stringify({ ymCampaignId }),
      verifyBody: (text) => text.includes('"status":"success"'),
    },
  };
}

export async function benchThroughput(): Promise<{ rows: Row[]; notes: string[] }> {
  /** Alternating rounds per target (default 3: steadier medians on a noisy machine), 10 s each. */
  const rounds = benchRounds(3);
  const durationS = benchSeconds(10);
  const children: RunningChild[] = [];
  try {
    const hello = await spawnServer({ args: [HELLO_SERVER] });
    children.push(hello);
    const sandbox = await spawnServer({ args: SANDBOX_ARGS });
    children.push(sandbox);
    const ymCampaignId = await createCampaign(sandbox.url, TOKEN, campaignBody(1));
    const stored = await postJson(sandbox.url, "/api/offerwall/v1/campaigns/get", TOKEN, { ymCampaignId });
    successResult(stored, "campaigns/get");
    const echo = await spawnServer({ args: [POST_ECHO_SERVER], env: { CAMPAIGN_GET_BODY: stored.text } });
    children.push(echo);

    const helloT = helloTarget(hello);
    const sandboxT = campaignGetTarget("sandbox campaigns/get", `${sandbox.url}/api/offerwall/v1/campaigns/get`, ymCampaignId);
    const echoT = campaignGetTarget("express POST express.json() echo of the same body", `${echo.url}/`, ymCampaignId);
    const targets = [helloT, sandboxT, echoT];

    const warmups: Run[] = [];
    for (const target of targets) warmups.push(await load(target, WARMUP_S, CONNECTIONS));
    const runs: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) runs.push(await load(target, durationS, CONNECTIONS));
    }

    const helloRps = medianRps(runs, helloT);
    const sandboxRps = medianRps(runs, sandboxT);
    const echoRps = medianRps(runs, echoT);
    const ratio = sandboxRps / helloRps;
    const bad = badTotal([...warmups, ...runs]);
    const loadShape = `median of ${rounds} × ${durationS} s, ${CONNECTIONS} connections`;
    const rows: Row[] = [
      { metric: `express 5 hello-world GET, req/s (${loadShape})`, measured: `${Math.round(helloRps)}`, target: "baseline" },
      { metric: `sandbox campaigns/get, req/s (${loadShape})`, measured: `${Math.round(sandboxRps)}`, target: "—" },
      { metric: "sandbox campaigns/get ÷ hello-world", measured: percent(ratio), target: `≥ ${TARGET_RATIO * 100} %`, pass: ratio >= TARGET_RATIO },
      {
        metric: "informative: bare express POST + express.json() echo of the same ~1 KB body, req/s (÷ hello-world; sandbox ÷ it)",
        measured: `${Math.round(echoRps)} (${percent(echoRps / helloRps)}; ${percent(sandboxRps / echoRps)})`,
        target: "—",
      },
      { metric: "non-2xx + errors + timeouts + bad bodies, all load runs", measured: `${bad}`, target: "0", pass: bad === 0 },
    ];
    const pairRatios = Array.from({ length: rounds }, (_, round) => {
      const inRound = runs.slice(round * targets.length, (round + 1) * targets.length);
      const helloRun = inRound.find((run) => run.target === helloT.name);
      const sandboxRun = inRound.find((run) => run.target === sandboxT.name);
      return helloRun !== undefined && sandboxRun !== undefined ? percent(sandboxRun.rps / helloRun.rps) : "?";
    });
    const notes = [
      ...warmups.map((run) => `warm-up ${WARMUP_S} s, ${run.detail}`),
      ...runs.map((run, i) => `round ${Math.floor(i / targets.length) + 1}, ${run.detail}`),
      `campaigns/get ÷ hello-world per round (back-to-back runs): ${pairRatios.join(", ")}`,
    ];
    return { rows, notes };
  } finally {
    await Promise.all(children.map((running) => stopChild(running.child)));
  }
}
