import { ADD_PINS_BODY_LIMIT_BYTES } from "../src/mocks/yoomoney/limits.js";
import { spawnServer, stopChild } from "./child-process.js";
import { probeSettled, RssSampler } from "./memory-probe.js";
import { MEMORY_SERVER } from "./paths.js";
import type { Row } from "./report.js";
import { MB, formatMb, formatMs } from "./stats.js";
import { TOKEN_HEADER, campaignBody, createCampaign, successResult } from "./yoomoney-client.js";

const PIN_COUNT = 1_000_000;
const TARGET_MS = 2_000;
const TARGET_BYTES = 150 * MB;
const TOKEN = "bench-add-pins";

/** `count` distinct alphanumeric codes of exactly 10 characters (distinct case-insensitively too). */
export function pinCodes(count: number): string[] {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) codes.push(`P${(i * 7_919 + 104_729).toString(36).toUpperCase().padStart(9, "0")}`);
  return codes;
}

/**
 * add-pins bodies carrying `codes` in order, each with as many codes as fit under the sandbox's add-pins
 * body limit (a body at the limit is the largest upload it accepts).
 */
export function addPinsBodies(ymCampaignId: number, codes: readonly string[]): string[] {
  const head = Buffer.byteLength(JSON.stringify({ ymCampaignId, pinList: [] }));
  const longest = codes.reduce((most, code) => Math.max(most, Buffer.byteLength(code)), 0);
  // Each code costs its bytes, two quotes and a comma.
  const perCall = Math.max(1, Math.floor((ADD_PINS_BODY_LIMIT_BYTES - head) / (longest + 3)));
  const bodies: string[] = [];
  for (let from = 0; from < codes.length; from += perCall) bodies.push(JSON.stringify({ ymCampaignId, pinList: codes.slice(from, from + perCall) }));
  return bodies;
}

function counter(result: Record<string, unknown>, name: string): unknown {
  const counters = result["counters"];
  return typeof counters === "object" && counters !== null ? Reflect.get(counters, name) : undefined;
}

export async function benchAddPins(): Promise<{ rows: Row[]; notes: string[] }> {
  const server = await spawnServer({ args: ["--expose-gc", MEMORY_SERVER], ipc: true });
  try {
    const ymCampaignId = await createCampaign(server.url, TOKEN, campaignBody(1));
    const bodies = addPinsBodies(ymCampaignId, pinCodes(PIN_COUNT));
    const pid = server.child.pid;
    const sampler = pid !== undefined && (await RssSampler.available(pid)) ? new RssSampler(pid) : undefined;

    const before = await probeSettled(server.child);
    sampler?.start();
    const started = performance.now();
    let response: Response | undefined;
    let text = "";
    for (const body of bodies) {
      response = await fetch(`${server.url}/api/offerwall/v1/campaigns/add-pins`, { method: "POST", headers: TOKEN_HEADER(TOKEN), body });
      text = await response.text();
      if (response.status !== 200) break;
    }
    const wallMs = performance.now() - started;
    const sampled = sampler?.stop();
    const after = await probeSettled(server.child);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const result = successResult({ status: response?.status ?? 0, text, json }, "campaigns/add-pins");
    const unused = counter(result, "unusedPinCount");
    if (unused !== PIN_COUNT) throw new Error(`campaigns/add-pins: unusedPinCount ${String(unused)}, expected ${PIN_COUNT}`);

    const retained = after.heapUsed + after.external - (before.heapUsed + before.external);
    const maxRssMoved = after.maxRssBytes > before.maxRssBytes ? after.maxRssBytes : 0;
    const peakRss = Math.max(sampled?.peakRss ?? 0, maxRssMoved, after.rss);
    const peakDelta = peakRss - before.rss;
    const rows: Row[] = [
      {
        metric: `add-pins of ${PIN_COUNT.toLocaleString("en")} codes: wall time of the ${bodies.length} HTTP requests (one after the other, each at most the ${formatMb(ADD_PINS_BODY_LIMIT_BYTES)} limit)`,
        measured: formatMs(wallMs),
        target: `< ${TARGET_MS} ms`,
        pass: wallMs < TARGET_MS,
      },
      {
        metric: "add-pins: retained memory (heapUsed + external after gc, minus before)",
        measured: formatMb(retained),
        target: `< ${TARGET_BYTES / MB} MB`,
        pass: retained < TARGET_BYTES,
      },
      {
        metric: "add-pins: peak RSS during the request minus RSS before (informative)",
        measured: formatMb(peakDelta),
        target: "—",
      },
    ];
    const notes = [
      `add-pins request bodies ${formatMb(bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0))} in all; server memory before: heapUsed ${formatMb(before.heapUsed)}, ` +
        `external ${formatMb(before.external)}, rss ${formatMb(before.rss)}; after: heapUsed ${formatMb(after.heapUsed)}, ` +
        `external ${formatMb(after.external)}, rss ${formatMb(after.rss)}`,
      `add-pins peak RSS: ${sampled === undefined ? "no /proc sampling" : `${formatMb(sampled.peakRss)} sampled every 10 ms from outside (${sampled.samples} samples)`}, ` +
        `resourceUsage().maxRSS ${formatMb(after.maxRssBytes)} (was ${formatMb(before.maxRssBytes)} before the request)`,
    ];
    return { rows, notes };
  } finally {
    await stopChild(server.child);
  }
}
