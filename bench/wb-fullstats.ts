import { createSandbox } from "../src/server.js";
import { fullstats } from "../src/state/wildberries/fullstats.js";
import type { Row } from "./report.js";
import { formatMs, median } from "./stats.js";
import { activeCampaigns, wbCall } from "./wb-client.js";
import { postJson } from "./yoomoney-client.js";

const CAMPAIGNS = 100;
const DAYS = 31;
const BUDGET = 20_000;
const TARGET_MS = 50;
const RUNS = 9;
const TOKEN = "bench-wb-fullstats";

/**
 * Wildberries statistics: 100 automatic campaigns active for 31 simulated days, then fullstats for
 * all 100 over the 31 days. The target is timed on the domain call (the statistics computed from the
 * simulation's cells, the same call the route makes); the whole HTTP call, which adds serialising
 * the ~5 MB answer, is reported too. Median of 9 runs after one warm-up. In-process sandbox (the
 * domain call needs the tenant), rate limits off.
 */
export async function benchWbFullstats(): Promise<{ rows: Row[]; notes: string[] }> {
  const sandbox = createSandbox({ settings: { rateLimits: "off" } });
  const url = await sandbox.listen(0, "127.0.0.1");
  try {
    const ids = await activeCampaigns(url, TOKEN, CAMPAIGNS, BUDGET);
    const advanced = await postJson(url, "/__sandbox/clock/advance", TOKEN, { by: `P${DAYS}D` });
    if (advanced.status !== 200) throw new Error(`clock/advance: HTTP ${advanced.status} ${advanced.text.slice(0, 300)}`);
    const auth = sandbox.registry.authenticate(TOKEN);
    if (!auth.ok) throw new Error("the bench tenant does not authenticate");
    const tenant = auth.tenant;
    const now = tenant.now();
    const day = (ms: number) => new Date(ms + 3 * 3_600_000).toISOString().slice(0, 10);
    // The 31 whole Moscow days before today (the campaigns started on the first of them).
    const interval = { begin: day(now - DAYS * 86_400_000), end: day(now - 86_400_000) };
    const items = ids.map((id) => ({ id, interval }));

    const domain: number[] = [];
    let days = 0;
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      const result = fullstats(tenant, items);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`fullstats: ${result.error}`);
      days = result.value.reduce((a, c) => a + c.days.length, 0);
      if (i > 0) domain.push(ms);
    }
    const http: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      const res = await wbCall(url, "POST", "/adv/v2/fullstats", TOKEN, items);
      const ms = performance.now() - started;
      if (res.status !== 200) throw new Error(`fullstats: HTTP ${res.status} ${res.text.slice(0, 300)}`);
      bytes = res.text.length;
      if (i > 0) http.push(ms);
    }
    const domainMs = median(domain);
    const httpMs = median(http);
    return {
      rows: [
        {
          metric: `Wildberries: fullstats of ${CAMPAIGNS} campaigns × ${DAYS} simulated days (domain call, median of ${RUNS})`,
          measured: formatMs(domainMs),
          target: `< ${TARGET_MS} ms`,
          pass: domainMs < TARGET_MS && days === CAMPAIGNS * DAYS,
        },
        {
          metric: `Wildberries: the same fullstats as one HTTP call (median of ${RUNS}, informative)`,
          measured: formatMs(httpMs),
          target: "—",
        },
      ],
      notes: [`wb-fullstats: ${days} campaign-days answered, HTTP answer ${(bytes / 1024 / 1024).toFixed(1)} MiB; domain runs ${domain.map((m) => m.toFixed(0)).join("/")} ms`],
    };
  } finally {
    await sandbox.close();
  }
}
