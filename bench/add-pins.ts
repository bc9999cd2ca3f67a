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

function counter(result: Record<string, unknown>, name: string): unknown {
  const counters = result["counters"];
  return typeof counters === "object" && counters !== null ? Reflect.get(counters, name) : undefined;
}

export async function benchAddPins(): Promise<{ rows: Row[]; notes: string[] }> {
  const server = await spawnServer({ args: ["--expose-gc", MEMORY_SERVER], ipc: true });
  try {
    const ymCampaignId = await createCampaign(server.url, TOKEN, campaignBody(1));
    const body = JSON.stringify({ ymCampaignId, pinList: pinCodes(PIN_COUNT) });
    const pid = server.child.pid;
    const sampler = pid !== undefined && (await RssSampler.available(pid)) ? new RssSampler(pid) : undefined;

    const before = await probeSettled(server.child);
    sampler?.start();
    const started = performance.now();
    const response = await fetch(`${server.url}/api/offerwall/v1/campaigns/add-pins`, { method: "POST", headers: TOKEN_HEADER(TOKEN), body });
    const text = await response.text();
    const wallMs = performance.now() - started;
    const sampled = sampler?.stop();
    const after = await probeSettled(server.child);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const result = successResult({ status: response.status, text, json }, "campaigns/add-pins");
    const unused = counter(result, "unusedPinCount");
    if (unused !== PIN_COUNT) throw new Error(`campaigns/add-pins: unusedPinCount ${String(unused)}, expected ${PIN_COUNT}`);

    const retained = after.heapUsed + after.external - (before.heapUsed + before.external);
    const maxRssMoved = after.maxRssBytes > before.maxRssBytes ? after.maxRssBytes : 0;
    const peakRss = Math.max(sampled?.peakRss ?? 0, maxRssMoved, after.rss);
    const peakDelta = peakRss - before.rss;
    const rows: Row[] = [
      {
        metric: `add-pins of ${PIN_COUNT.toLocaleString("en")} codes: wall time of the one HTTP request`,
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
      `add-pins request body ${formatMb(Buffer.byteLength(body))}; server memory before: heapUsed ${formatMb(before.heapUsed)}, ` +
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
