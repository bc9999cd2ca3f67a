import { describe, expect, it } from "vitest";
import { WildberriesSnapshot } from "../../../src/contracts/wildberries/snapshot.js";
import type { JsonValue } from "../../../src/state/kernel/json.js";
import { fail, ok } from "../../../src/state/kernel/result.js";
import { peekState } from "../../../src/state/kernel/tenant-states.js";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { changeBid } from "../../../src/state/wildberries/campaign-bids.js";
import { deleteCampaign, requestAction } from "../../../src/state/wildberries/campaign-machine.js";
import { createMedia } from "../../../src/state/wildberries/media.js";
import { setFixedActivity, setPlusPhrases } from "../../../src/state/wildberries/phrases.js";
import { topUpMoney } from "../../../src/state/wildberries/payments.js";
import { exportWildberries, importWildberries } from "../../../src/state/wildberries/snapshot.js";
import { wildberriesState } from "../../../src/state/wildberries/state.js";
import { DAY, HOUR, putCampaign, wbTenant } from "./traffic-fixture.js";

/** A tenant standing where `source` stands (clock, randomness, timers), without its Wildberries state: what the kernel builds before a provider imports. */
function restoredTenant(source: Tenant, id = "restored"): Tenant {
  const tenant = wbTenant(id);
  tenant.clock.restore(source.clock.snapshot());
  tenant.rng.restore(source.rng.snapshot());
  tenant.scheduler.restore(source.scheduler.snapshot());
  tenant.settings = { ...source.settings };
  return tenant;
}

interface Busy {
  tenant: Tenant;
  auto: number;
  auction: number;
  doomed: number;
  media: number;
}

/**
 * Two payments, an automatic and an Auction campaign more than a day into their traffic (upd rows), a
 * running media campaign with two hours of traffic, a deleted campaign awaiting its purge, and under
 * realistic consistency a queued pause and a queued bid.
 */
function busyTenant(): Busy {
  const tenant = wbTenant();
  topUpMoney(tenant, { balance: 5000 });
  topUpMoney(tenant, { balance: 700, net: 300, bonus: 100 });
  const auto = putCampaign(tenant, { budget: 100_000 });
  const auction = putCampaign(tenant, { type: 9, budget: 100_000 });
  tenant.advance(DAY + 30 * 60_000);
  const media = createMedia(tenant, { name: "Медиа", brand: "Plank", type: 2, budget: 5000, items: [{ name: "Баннер", cpm: 300 }] });
  if (!media.ok) throw new Error("no media campaign");
  tenant.advance(2 * HOUR + 20_000);
  const doomed = putCampaign(tenant, { status: 4 });
  expect(deleteCampaign(tenant, doomed)).toEqual(ok(undefined));
  tenant.settings = { ...tenant.settings, consistency: "realistic" };
  expect(requestAction(tenant, auto, "pause")).toEqual(ok(undefined));
  const subjectId = auction.unitedParams?.[0]?.subjectId;
  expect(changeBid(tenant, auction, { type: 9, cpm: 300, param: subjectId, instrument: 6 })).toEqual(ok(undefined));
  return { tenant, auto: auto.advertId, auction: auction.advertId, doomed: doomed.advertId, media: media.value.advertId };
}

/** The tenant's export, typed (the schema accepts what the export writes). */
function snapshotOf(tenant: Tenant): WildberriesSnapshot {
  return WildberriesSnapshot.parse(exportWildberries(tenant));
}

describe("exportWildberries / importWildberries", () => {
  it("a tenant that never used Wildberries exports null, and the export does not create its seller", () => {
    const tenant = wbTenant();
    expect(exportWildberries(tenant)).toBeNull();
    expect(peekState(tenant, "wildberries")).toBeUndefined();
    expect(importWildberries(tenant, null)).toEqual(ok(undefined));
    expect(peekState(tenant, "wildberries")).toBeUndefined();
  });

  it("the export is plain JSON that shares nothing with the live state", () => {
    const { tenant, auto } = busyTenant();
    const exported = exportWildberries(tenant);
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    const snapshot = WildberriesSnapshot.parse(exported);
    const campaign = snapshot.campaigns.find((c) => c.advertId === auto);
    if (campaign === undefined) throw new Error("no campaign");
    expect(campaign.pendingAction).toBe("pause");
    expect(snapshot.traffic.campaigns.length).toBe(2);
    expect(snapshot.payments.length).toBe(2);
    expect(snapshot.upd.length).toBeGreaterThan(0);
    const budget = wildberriesState(tenant).campaigns.get(auto)?.budget;
    const campaigns = typeof exported === "object" && exported !== null && !Array.isArray(exported) ? exported["campaigns"] : undefined;
    for (const c of Array.isArray(campaigns) ? campaigns : []) {
      if (typeof c === "object" && c !== null && !Array.isArray(c)) c["budget"] = -1;
    }
    expect(wildberriesState(tenant).campaigns.get(auto)?.budget).toBe(budget);
    expect(budget).toBeGreaterThan(0);
  });

  it("round trip: the imported tenant exports the same snapshot and fires the same timers with the same results", () => {
    const { tenant } = busyTenant();
    const snapshot = exportWildberries(tenant);
    const restored = restoredTenant(tenant);
    expect(importWildberries(restored, snapshot)).toEqual(ok(undefined));
    expect(exportWildberries(restored)).toEqual(snapshot);

    const firedOriginal = tenant.advance(3 * DAY);
    const firedRestored = restored.advance(3 * DAY);
    expect(firedRestored).toEqual(firedOriginal);
    expect(firedOriginal.map((f) => f.kind)).toEqual(
      expect.arrayContaining(["wildberries.campaignAction", "wildberries.campaignBids", "wildberries.campaignPurge", "wildberries.traffic", "wildberries.mediaTraffic"]),
    );
    expect(exportWildberries(restored)).toEqual(exportWildberries(tenant));
  });

  // The share of search traffic fixed phrases get is computed again after an import (what the tick
  // remembers is not exported): it must come out as before, the phrases new to the keyword set included.
  it("an Auction on fixed phrases new to its keyword set continues after a round trip exactly as without it", () => {
    const tenant = wbTenant();
    const auction = putCampaign(tenant, { type: 9, budget: 100_000 });
    expect(setPlusPhrases(tenant, auction.advertId, ["совсем новая фраза", "плед"]).ok).toBe(true);
    expect(setFixedActivity(tenant, auction.advertId, true)).toEqual(ok(undefined));
    tenant.advance(2 * HOUR + 17 * 60_000);
    const snapshot = exportWildberries(tenant);
    const restored = restoredTenant(tenant);
    expect(importWildberries(restored, snapshot)).toEqual(ok(undefined));
    tenant.advance(DAY);
    restored.advance(DAY);
    expect(exportWildberries(restored)).toEqual(exportWildberries(tenant));
    expect(peekState(tenant, "wildberries")?.traffic.byCampaign.get(auction.advertId)?.keywords).toContain("совсем новая фраза");
  });

  it("the imported state is the snapshot's own copy: changing one tenant leaves the other alone", () => {
    const { tenant, auction } = busyTenant();
    const snapshot = exportWildberries(tenant);
    const a = restoredTenant(tenant, "a");
    const b = restoredTenant(tenant, "b");
    expect(importWildberries(a, snapshot)).toEqual(ok(undefined));
    expect(importWildberries(b, snapshot)).toEqual(ok(undefined));
    a.advance(DAY);
    expect(exportWildberries(b)).toEqual(snapshot);
    expect(peekState(b, "wildberries")?.campaigns.get(auction)?.budget).not.toBe(peekState(a, "wildberries")?.campaigns.get(auction)?.budget);
  });
});

describe("importWildberries refuses an inconsistent snapshot, naming the path, and installs nothing", () => {
  /** Corrupts a copy of the busy tenant's snapshot and returns the refusal message the corruption expects. */
  type Corrupt = (s: WildberriesSnapshot, busy: Busy) => string;

  function expectRefused(corrupt: Corrupt): void {
    const busy = busyTenant();
    const snapshot = snapshotOf(busy.tenant);
    const message = corrupt(snapshot, busy);
    const target = restoredTenant(busy.tenant);
    expect(importWildberries(target, JSON.parse(JSON.stringify(snapshot)))).toEqual(fail(message));
    expect(peekState(target, "wildberries")).toBeUndefined();
  }

  const at = <T>(list: readonly T[], index: number): T => {
    const item = list[index];
    if (item === undefined) throw new Error(`no item ${index}`);
    return item;
  };
  const indexOf = (s: WildberriesSnapshot, advertId: number): number => {
    const index = s.campaigns.findIndex((c) => c.advertId === advertId);
    if (index === -1) throw new Error(`no campaign ${advertId}`);
    return index;
  };
  const trafficOf = (s: WildberriesSnapshot, advertId: number) => {
    const index = s.traffic.campaigns.findIndex((c) => c.advertId === advertId);
    return { index, traffic: at(s.traffic.campaigns, index) };
  };

  it.each<[string, Corrupt]>([
    [
      "shape errors, every path listed",
      (s) => {
        Object.assign(at(s.payments, 1), { statusId: 2 });
        Object.assign(at(s.campaigns, 0), { type: 7 });
        return "payments[1].statusId: Invalid option: expected one of 0|1; campaigns[0].type: Invalid option: expected one of 8|9";
      },
    ],
    [
      "a subject listed twice",
      (s) => {
        const subject = at(s.catalogue.subjects, 0);
        s.catalogue.subjects.push({ ...subject });
        return `catalogue.subjects[${s.catalogue.subjects.length - 1}].id: id ${subject.id} appears twice; every id must be unique`;
      },
    ],
    [
      "an nm of an unknown subject",
      (s) => {
        at(s.catalogue.nms, 3).subjectId = 999_999;
        return "catalogue.nms[3].subjectId: subject 999999 is not in catalogue.subjects";
      },
    ],
    [
      "a payment id above nextPaymentId",
      (s) => {
        s.nextPaymentId = at(s.payments, 0).id;
        return `nextPaymentId: ${s.nextPaymentId} is the last id handed out, but payments[1].id is ${at(s.payments, 1).id}; set nextPaymentId to at least the largest id`;
      },
    ],
    [
      "an upd number used twice",
      (s) => {
        at(s.upd, 1).updNum = at(s.upd, 0).updNum;
        return `upd[1].updNum: updNum ${at(s.upd, 0).updNum} appears twice; every updNum must be unique`;
      },
    ],
    [
      "an automatic campaign with Auction parameters",
      (s, { auto }) => {
        const i = indexOf(s, auto);
        at(s.campaigns, i).unitedParams = [];
        return `campaigns[${i}]: an automatic (type 8) campaign has autoParams and unitedParams null`;
      },
    ],
    [
      "an nm outside the catalogue",
      (s, { auction }) => {
        const i = indexOf(s, auction);
        at(at(s.campaigns, i).unitedParams ?? [], 0).nms.push(1);
        return `campaigns[${i}]: nm 1 is not in catalogue.nms; campaigns advertise the seller's own nms only`;
      },
    ],
    [
      "queued bids without their timer",
      (s, { auction }) => {
        const i = indexOf(s, auction);
        at(s.campaigns, i).pendingBidTimer = null;
        return `campaigns[${i}].pendingBidTimer: queued bids need their timer`;
      },
    ],
    [
      "a queued action whose timer belongs to another campaign",
      (s, { auto, auction }) => {
        const i = indexOf(s, auto);
        const timer = at(s.campaigns, indexOf(s, auction)).pendingBidTimer;
        at(s.campaigns, i).pendingActionTimer = timer;
        return `campaigns[${i}].pendingActionTimer: timer ${timer} is a "wildberries.campaignBids" timer for {"advertId":${auction}}, not a "wildberries.campaignAction" timer for advertId ${auto}`;
      },
    ],
    [
      "a deleted campaign whose purge is not when its timer fires",
      (s, { doomed }) => {
        const i = indexOf(s, doomed);
        const c = at(s.campaigns, i);
        c.purgeAt = (c.purgeAt ?? 0) + 1;
        return `campaigns[${i}].purgeAt: no "wildberries.campaignPurge" timer for advertId ${doomed} at ${c.purgeAt} is pending in scheduler.timers`;
      },
    ],
    [
      "a deleted campaign without purgeAt",
      (s, { doomed }) => {
        const i = indexOf(s, doomed);
        at(s.campaigns, i).purgeAt = null;
        return `campaigns[${i}].purgeAt: a deleted (-1) campaign needs the instant it is purged`;
      },
    ],
    [
      "a media campaign and a promotion campaign with one id",
      (s, { media, auto }) => {
        at(s.media, 0).advertId = auto;
        expect(media).not.toBe(auto);
        return `advertId ${auto} is used by two campaigns (promotion and media campaigns share one id sequence); every advertId must be unique`;
      },
    ],
    [
      "a banner id above nextMediaItemId",
      (s) => {
        s.nextMediaItemId -= 1;
        const item = at(at(s.media, 0).items, 0);
        return `nextMediaItemId: ${s.nextMediaItemId} is the last id handed out, but media[0].items[0].id is ${item.id}; set it to at least the largest banner id`;
      },
    ],
    [
      "media traffic of a banner the campaign does not have",
      (s) => {
        const m = at(s.media, 0);
        m.traffic["2026-01-16|5|32"] = { views: 1, clicks: 0, atbs: 0, orders: 0, expenses: 0.3 };
        return 'media[0].traffic["2026-01-16|5|32"]: banner 5 is not one of this campaign\'s items';
      },
    ],
    [
      "a media traffic timer that is not pending",
      (s) => {
        const m = at(s.media, 0);
        m.trafficTimer = 99_999;
        return "media[0].trafficTimer: timer 99999 is not pending in scheduler.timers; add it there or set media[0].trafficTimer to null";
      },
    ],
    [
      "keywords without their weights",
      (s, { auto }) => {
        const { index, traffic } = trafficOf(s, auto);
        traffic.weights.pop();
        return `traffic.campaigns[${index}]: keywords, clusters and weights must have one entry per keyword (${traffic.keywords.length}, ${traffic.clusters.length}, ${traffic.weights.length})`;
      },
    ],
    [
      "traffic days out of order",
      (s, { auto }) => {
        const { index, traffic } = trafficOf(s, auto);
        traffic.days.reverse();
        return `traffic.campaigns[${index}].days[1].day: days must be ascending and unique ("${at(traffic.days, 0).day}" then "${at(traffic.days, 1).day}")`;
      },
    ],
    [
      "a day's cells of the wrong length",
      (s, { auto }) => {
        const { index, traffic } = trafficOf(s, auto);
        const day = at(traffic.days, 0);
        day.cells.push(0);
        return `traffic.campaigns[${index}].days[0].cells: ${day.nms.length} nms need ${day.nms.length * 24} numbers (3 apps × 8 metrics each), found ${day.cells.length}`;
      },
    ],
    [
      "search traffic of a keyword regime that does not exist",
      (s, { auction }) => {
        const { index, traffic } = trafficOf(s, auction);
        at(traffic.days, 0).search.push(traffic.regimes.length, 1, 0, 0);
        const groups = at(traffic.days, 0).search.length / 4;
        return `traffic.campaigns[${index}].days[0].search: group ${groups - 1} names regime ${traffic.regimes.length}, but the campaign has ${traffic.regimes.length} regimes`;
      },
    ],
    [
      "an upd row index pointing at another campaign's row",
      (s, { auto, auction }) => {
        const { index, traffic } = trafficOf(s, auto);
        const other = s.upd.findIndex((r) => r.advertId === auction);
        traffic.updRows["0"] = other;
        return `traffic.campaigns[${index}].updRows.0: upd[${other}] is not a row of campaign ${auto}`;
      },
    ],
    [
      "an active campaign that is not in 9",
      (s, { auction }) => {
        const i = indexOf(s, auction);
        at(s.campaigns, i).status = 11;
        return `traffic.active[${s.traffic.active.indexOf(auction)}]: campaign ${auction} is not an active (9) campaign`;
      },
    ],
    [
      "the traffic tick at another instant than its timer",
      (s) => {
        const due = s.traffic.timerAt;
        s.traffic.timerAt = (due ?? 0) + 1;
        return `traffic.timerAt: ${s.traffic.timerAt} is not when timer ${s.traffic.timer} is due (${due})`;
      },
    ],
    [
      "active campaigns without the traffic tick",
      (s) => {
        s.traffic.timer = null;
        s.traffic.timerAt = null;
        return "traffic.timer: active campaigns need the hourly traffic timer";
      },
    ],
  ])("%s", (_name, corrupt) => expectRefused(corrupt));
});
