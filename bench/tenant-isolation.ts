import { ADD_PINS_BODY_LIMIT_BYTES } from "../src/mocks/yoomoney/limits.js";
import { spawnServer, stopChild } from "./child-process.js";
import { SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { MB, formatMb, formatMs } from "./stats.js";
import { addPinsBodies, pinCodes } from "./add-pins.js";
import { activeCampaigns, wbCall } from "./wb-client.js";
import { campaignBody, createCampaign, postJson, TOKEN_HEADER } from "./yoomoney-client.js";

const ADVANCE_P99_TARGET_MS = 50;
const ADVANCE_TARGET_MS = 2_000;
const STATE_TARGET_BYTES = 5 * MB;
const ADD_PINS_P99_TARGET_MS = 100;
/** 20 million ₽ each: at ~500 ₽ a day, enough for the whole century. */
const WB_BUDGET = 20_000_000;
const POLL_EVERY_MS = 5;

/** The 99th percentile (nearest rank) of a non-empty list. */
function p99(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.NaN;
}

/**
 * Another tenant's view while `work` runs: GET /ping of a Wildberries seller, one call at a time,
 * a new one every POLL_EVERY_MS; the latency of each call (started while the work ran).
 */
async function pollDuring(baseUrl: string, work: () => Promise<void>): Promise<{ latencies: number[]; workMs: number }> {
  const latencies: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/ping`, { headers: { authorization: "bench-isolation-other" } });
      await res.text();
      latencies.push(performance.now() - started);
      const wait = POLL_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  const began = performance.now();
  await work();
  const workMs = performance.now() - began;
  running = false;
  await poller;
  return { latencies, workMs };
}

/** The largest add-pins body the limit accepts: as many 10-character codes as fit. */
function largestAddPins(ymCampaignId: number): string {
  const [body] = addPinsBodies(ymCampaignId, pinCodes(Math.ceil(ADD_PINS_BODY_LIMIT_BYTES / 13)));
  if (body === undefined) throw new Error("no add-pins body");
  return body;
}

/** Pings of the other tenant gathered over repeated largest uploads, so that a p99 means something. */
const ADD_PINS_MIN_PINGS = 200;
const ADD_PINS_MIN_UPLOADS = 3;
const ADD_PINS_MAX_UPLOADS = 40;

/**
 * Uploads the largest accepted add-pins again and again (each to a campaign of a new tenant, set up
 * outside the measured time) until the other tenant has pinged ADD_PINS_MIN_PINGS times during them.
 */
async function largestUploads(baseUrl: string): Promise<{ latencies: number[]; workMs: number[]; uploads: number; bodyBytes: number; firstToken: string }> {
  const latencies: number[] = [];
  const workMs: number[] = [];
  let bodyBytes = 0;
  let uploads = 0;
  while (uploads < ADD_PINS_MAX_UPLOADS && (uploads < ADD_PINS_MIN_UPLOADS || latencies.length < ADD_PINS_MIN_PINGS)) {
    const token = `bench-isolation-pins-${uploads}`;
    const ymCampaignId = await createCampaign(baseUrl, token, campaignBody(1));
    const body = largestAddPins(ymCampaignId);
    bodyBytes = Buffer.byteLength(body);
    let status = 0;
    let answer = "";
    const run = await pollDuring(baseUrl, async () => {
      const res = await fetch(`${baseUrl}/api/offerwall/v1/campaigns/add-pins`, { method: "POST", headers: TOKEN_HEADER(token), body });
      answer = await res.text();
      status = res.status;
    });
    if (status !== 200 || !answer.includes('"status":"success"')) throw new Error(`campaigns/add-pins: HTTP ${status} ${answer.slice(0, 200)}`);
    latencies.push(...run.latencies);
    workMs.push(run.workMs);
    uploads++;
  }
  return { latencies, workMs, uploads, bodyBytes, firstToken: "bench-isolation-pins-0" };
}

/**
 * Other tenants' latency while one tenant (a) advances its clock 100 years with 5 running media
 * campaigns and 5 running Wildberries campaigns, (b) uploads the largest add-pins the sandbox accepts.
 */
export async function benchTenantIsolation(): Promise<{ rows: Row[]; notes: string[] }> {
  const server = await spawnServer({ args: SANDBOX_ARGS });
  try {
    const token = "bench-isolation-busy";
    await activeCampaigns(server.url, token, 5, WB_BUDGET);
    for (let i = 0; i < 5; i++) {
      const body =
        i % 2 === 0
          ? { name: `Медиа ${i}`, brand: "Бренд", type: 1, items: [{ name: "Баннер", cpm: 2400 }, { name: "Второй", cpm: 1200 }] }
          : { name: `Медиа ${i}`, brand: "Бренд", type: 2, budget: 1_000_000_000, items: [{ name: "Баннер", cpm: 300 }] };
      const created = await postJson(server.url, "/__sandbox/wildberries/media-campaigns", token, body);
      if (created.status !== 201) throw new Error(`media-campaigns: HTTP ${created.status} ${created.text.slice(0, 200)}`);
    }
    await wbCall(server.url, "GET", "/ping", "bench-isolation-other");

    let advanceStatus = 0;
    let firedTotal: unknown;
    const advance = await pollDuring(server.url, async () => {
      const moved = await postJson(server.url, "/__sandbox/clock/advance", token, { by: "P100Y" });
      advanceStatus = moved.status;
      firedTotal = typeof moved.json === "object" && moved.json !== null ? Reflect.get(moved.json, "firedTotal") : undefined;
    });
    if (advanceStatus !== 200) throw new Error(`clock/advance P100Y: HTTP ${advanceStatus}`);
    const state = await fetch(`${server.url}/__sandbox/state`, { headers: TOKEN_HEADER(token) });
    const stateBytes = Buffer.byteLength(await state.text());

    const pins = await largestUploads(server.url);
    const pinsToken = pins.firstToken;
    let exportMs = 0;
    const exported = await pollDuring(server.url, async () => {
      const began = performance.now();
      const res = await fetch(`${server.url}/__sandbox/state`, { headers: TOKEN_HEADER(pinsToken) });
      await res.text();
      exportMs = performance.now() - began;
    });

    const advanceP99 = p99(advance.latencies);
    const pinsP99 = p99(pins.latencies);
    return {
      rows: [
        {
          metric: "other tenant's GET /ping p99 during a 100-year clock/advance (5 media + 5 Wildberries campaigns running)",
          measured: formatMs(advanceP99),
          target: `< ${ADVANCE_P99_TARGET_MS} ms`,
          pass: advanceP99 < ADVANCE_P99_TARGET_MS,
        },
        { metric: "that 100-year clock/advance: HTTP call", measured: formatMs(advance.workMs), target: `< ${ADVANCE_TARGET_MS} ms`, pass: advance.workMs < ADVANCE_TARGET_MS },
        { metric: "GET /__sandbox/state of that tenant after the century", measured: formatMb(stateBytes), target: `< ${STATE_TARGET_BYTES / MB} MB`, pass: stateBytes < STATE_TARGET_BYTES },
        {
          metric: `other tenant's GET /ping p99 during the largest accepted add-pins (${formatMb(pins.bodyBytes)} body, ${pins.uploads} uploads, ${pins.latencies.length} pings)`,
          measured: formatMs(pinsP99),
          target: `< ${ADD_PINS_P99_TARGET_MS} ms`,
          pass: pinsP99 < ADD_PINS_P99_TARGET_MS,
        },
        { metric: "GET /__sandbox/state of the tenant holding those codes (informative)", measured: `${formatMs(exportMs)}; other tenant p99 ${formatMs(p99(exported.latencies))}`, target: "—" },
      ],
      notes: [
        `tenant isolation: ${advance.latencies.length} pings during the advance (max ${formatMs(Math.max(...advance.latencies))}), ${String(firedTotal)} timers fired; ` +
          `${pins.latencies.length} pings during ${pins.uploads} largest add-pins (max ${formatMs(Math.max(...pins.latencies))}), ` +
          `each add-pins took ${pins.workMs.map((ms) => formatMs(ms)).join(", ")}; the export of a tenant holding one such upload took ${formatMs(exportMs)}`,
      ],
    };
  } finally {
    await stopChild(server.child);
  }
}
