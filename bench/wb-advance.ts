import { spawnServer, stopChild } from "./child-process.js";
import { SANDBOX_ARGS } from "./paths.js";
import type { Row } from "./report.js";
import { formatMs } from "./stats.js";
import { activeCampaigns, wbCall } from "./wb-client.js";
import { postJson } from "./yoomoney-client.js";

const CAMPAIGNS = 1_000;
/** Enough for 30 days of the simulation's spend at the minimum bid (~450 ₽ a day for two nms). */
const BUDGET = 20_000;
const TARGET_MS = 2_000;
const TOKEN = "bench-wb-advance";

/**
 * Wildberries traffic: a seller with 1,000 active automatic campaigns (two nms each), then one
 * POST /__sandbox/clock/advance {"by":"P30D"}: the wall time of that HTTP call (720 hourly ticks,
 * each simulating every campaign's hour).
 */
export async function benchWbAdvance(): Promise<{ rows: Row[]; notes: string[] }> {
  const server = await spawnServer({ args: SANDBOX_ARGS });
  try {
    const setupStarted = performance.now();
    const ids = await activeCampaigns(server.url, TOKEN, CAMPAIGNS, BUDGET);
    const setupMs = performance.now() - setupStarted;

    const started = performance.now();
    const advance = await postJson(server.url, "/__sandbox/clock/advance", TOKEN, { by: "P30D" });
    const advanceMs = performance.now() - started;
    if (advance.status !== 200) throw new Error(`clock/advance: HTTP ${advance.status} ${advance.text.slice(0, 400)}`);
    const firedTotal = typeof advance.json === "object" && advance.json !== null ? Reflect.get(advance.json, "firedTotal") : undefined;

    const probe = ids[ids.length - 1] ?? 0;
    const budget = await wbCall(server.url, "GET", `/adv/v1/budget?id=${probe}`, TOKEN);
    const left = typeof budget.json === "object" && budget.json !== null ? Reflect.get(budget.json, "total") : undefined;
    return {
      rows: [
        {
          metric: `Wildberries: clock/advance P30D with ${CAMPAIGNS.toLocaleString("en")} active campaigns (HTTP call, one tenant)`,
          measured: formatMs(advanceMs),
          target: `< ${TARGET_MS} ms`,
          pass: advanceMs < TARGET_MS && typeof left === "number" && left < BUDGET,
        },
      ],
      notes: [
        `wb-advance setup: ${CAMPAIGNS} save-ad calls took ${formatMs(setupMs)}; ${String(firedTotal)} traffic ticks fired; ` +
          `campaign ${probe} has ${String(left)} of ${BUDGET} ₽ left after 30 days`,
      ],
    };
  } finally {
    await stopChild(server.child);
  }
}
