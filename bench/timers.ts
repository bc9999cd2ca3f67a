import { spawnServer, stopChild } from "./child-process.js";
import { SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { formatMs } from "./stats.js";
import { campaignBody, createCampaign, postJson, successResult } from "./yoomoney-client.js";

const CAMPAIGNS = 10_000;
const IN_FLIGHT = 8;
const TARGET_MS = 1_000;
const TOKEN = "bench-timers";
const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** An ISO date-time in Moscow time with a +03:00 offset and whole seconds, as the docs write them. */
export function moscowIso(epochMs: number): string {
  return `${new Date(epochMs + MOSCOW_OFFSET_MS).toISOString().slice(0, 19)}+03:00`;
}

/** Distinct campaign ends spread over the next year (from one day ahead to two days short of a year). */
function campaignEnds(now: number): string[] {
  const first = now + DAY_MS;
  const step = Math.floor((363 * DAY_MS) / CAMPAIGNS / 1000) * 1000;
  return Array.from({ length: CAMPAIGNS }, (_, i) => moscowIso(first + i * step));
}

async function createAll(baseUrl: string, ends: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ends.length) {
      const index = next++;
      ids.push(await createCampaign(baseUrl, TOKEN, campaignBody(index + 1, ends[index])));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return ids;
}

/** How many timers the clock move fired in all (the answer lists only the first 1,000). */
function firedTotalOf(result: unknown): number {
  if (typeof result !== "object" || result === null) return 0;
  const total = Reflect.get(result, "firedTotal");
  return typeof total === "number" ? total : 0;
}

export async function benchTimers(): Promise<{ rows: Row[]; notes: string[] }> {
  const server = await spawnServer({ args: SANDBOX_ARGS });
  try {
    const setupStarted = performance.now();
    const ids = await createAll(server.url, campaignEnds(Date.now()));
    const setupMs = performance.now() - setupStarted;

    const started = performance.now();
    const advance = await postJson(server.url, "/__sandbox/clock/advance", TOKEN, { by: "P366D" });
    const advanceMs = performance.now() - started;
    if (advance.status !== 200) throw new Error(`clock/advance: HTTP ${advance.status} ${advance.text.slice(0, 400)}`);
    const fired = firedTotalOf(advance.json);

    const probeId = ids[ids.length - 1] ?? 0;
    const probe = successResult(await postJson(server.url, "/api/offerwall/v1/campaigns/get", TOKEN, { ymCampaignId: probeId }), "campaigns/get");
    const ok = fired === CAMPAIGNS && advanceMs < TARGET_MS;
    return {
      rows: [
        {
          metric: `clock/advance P366D over ${CAMPAIGNS.toLocaleString("en")} pending campaignEnd timers (one tenant)`,
          measured: `${formatMs(advanceMs)}, ${fired.toLocaleString("en")} fired`,
          target: `< ${TARGET_MS} ms, ${CAMPAIGNS.toLocaleString("en")} fired`,
          pass: ok,
        },
      ],
      notes: [
        `timers setup: ${CAMPAIGNS} campaigns/create calls (${IN_FLIGHT} in flight) took ${formatMs(setupMs)}; ` +
          `advance response ${(advance.text.length / 1024).toFixed(0)} KiB; campaign ${probeId} is now "${String(probe["campaignStatus"])}"`,
      ],
    };
  } finally {
    await stopChild(server.child);
  }
}
