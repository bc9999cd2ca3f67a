import { describe, expect, it } from "vitest";
import { createMedia } from "../../../src/state/wildberries/media.js";
import { mediaTimers } from "../../../src/state/wildberries/media-timers.js";
import { accrueMedia, spentOn } from "../../../src/state/wildberries/media-traffic.js";
import type { MediaCampaign } from "../../../src/state/wildberries/model.js";
import { makeTenant, T0 } from "../kernel/tenant-fixture.js";

const HOUR = 3_600_000;

function running(tenant = makeTenant(mediaTimers), budget = 1_000_000, dailyLimit = 0): MediaCampaign {
  const created = createMedia(tenant, { name: "M", brand: "B", type: 2, budget, items: [{ name: "I", cpm: 400, dailyLimit }] });
  if (!created.ok) throw new Error("not created");
  return created.value;
}

const daysOf = (c: MediaCampaign) => [...new Set(Object.keys(c.traffic).map((k) => k.slice(0, 10)))].sort();

describe("media traffic simulation", () => {
  it("books each hour on the Moscow day it belongs to (20:00-21:00Z is 23:00-24:00 Moscow)", () => {
    const tenant = makeTenant(mediaTimers);
    const campaign = running(tenant);
    tenant.advance(11 * HOUR); // T0 09:00Z -> 20:00Z: still 15 January in Moscow
    expect(daysOf(campaign)).toEqual(["2026-01-15"]);
    tenant.advance(HOUR); // 21:00Z = midnight Moscow
    expect(daysOf(campaign)).toEqual(["2026-01-15"]);
    tenant.advance(HOUR);
    expect(daysOf(campaign)).toEqual(["2026-01-15", "2026-01-16"]);
  });

  it("pays cpm per 1000 views and keeps budget + expenses equal to the start budget", () => {
    const tenant = makeTenant(mediaTimers);
    const campaign = running(tenant, 5000);
    tenant.advance(5 * HOUR);
    const views = Object.values(campaign.traffic).reduce((sum, c) => sum + c.views, 0);
    expect(campaign.expenses).toBeCloseTo((views * 400) / 1000, 6);
    expect(campaign.budget + campaign.expenses).toBeCloseTo(5000, 6);
  });

  it("never spends beyond a banner's daily limit", () => {
    const tenant = makeTenant(mediaTimers);
    const campaign = running(tenant, 1_000_000, 50);
    tenant.advance(3 * HOUR);
    const item = campaign.items[0];
    if (item === undefined) throw new Error("no item");
    expect(spentOn(campaign, item, "2026-01-15")).toBeLessThanOrEqual(50);
    expect(spentOn(campaign, item, "2026-01-15")).toBeGreaterThan(49.5);
    expect(campaign.status).toBe(10);
  });

  it("accounts nothing for an empty stretch", () => {
    const tenant = makeTenant(mediaTimers);
    const campaign = running(tenant);
    expect(accrueMedia(tenant, campaign, T0)).toBe("running");
    expect(Object.keys(campaign.traffic)).toEqual([]);
    expect(campaign.runningSince).toBe(T0);
  });
});
