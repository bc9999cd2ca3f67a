import { describe, expect, it } from "vitest";
import { makeSandbox, T0 } from "../../support/sandbox.js";
import { call, control, create, OTHER_TOKEN, TOKEN, ymError } from "./helpers.js";

const THIRD = "partner-c";
const failMerchant = (id: number) => ymError("failMerchant", `Campaign ${id} belongs to another aggregator or store; only its owner can stop it`);
const notFound = (id: number) => ymError("campaignNotFound", `No campaign ${id} exists for this partner`);

/** campaigns/stop of another partner's campaign answers failMerchant from an index of owners; it follows every way a campaign's owner changes. */
describe("campaigns/stop: who owns a campaign", () => {
  it("a reset of the owner frees the id: campaignNotFound", async () => {
    const { app } = makeSandbox();
    const theirs = await create(app, {}, OTHER_TOKEN);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(failMerchant(theirs));
    await control(app, OTHER_TOKEN, "POST", "/reset").expect(200);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(notFound(theirs));
  });

  it("a state import makes its tenant an owner, and replacing that state lets go of the old campaigns", async () => {
    const { app } = makeSandbox();
    const theirs = await create(app, {}, OTHER_TOKEN);
    const snapshot = (await control(app, OTHER_TOKEN, "GET", "/state").expect(200)).body;
    await control(app, THIRD, "PUT", "/state", snapshot).expect(200);
    await control(app, OTHER_TOKEN, "POST", "/reset").expect(200);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(failMerchant(theirs));

    const empty = (await control(app, OTHER_TOKEN, "GET", "/state").expect(200)).body;
    await control(app, THIRD, "PUT", "/state", { ...empty, tenant: THIRD }).expect(200);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(notFound(theirs));
  });

  it("a refused import leaves no owner behind", async () => {
    const { app } = makeSandbox();
    const theirs = await create(app, {}, OTHER_TOKEN);
    const snapshot = (await control(app, OTHER_TOKEN, "GET", "/state").expect(200)).body;
    const refused = await control(app, THIRD, "PUT", "/state", { ...snapshot, providers: { ...snapshot.providers, myshare: { nonsense: true } } });
    expect(refused.status).toBe(400);
    await control(app, OTHER_TOKEN, "POST", "/reset").expect(200);
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(notFound(theirs));
  });

  it("an evicted owner (--tenant-ttl) owns nothing any more", async () => {
    const clock = { now: T0 };
    const { app } = makeSandbox({ realNow: () => clock.now, tenantTtlMs: 60_000 });
    const theirs = await create(app, {}, OTHER_TOKEN);
    await create(app, { partnerCampaignId: 9 });
    clock.now += 30_000;
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(failMerchant(theirs));
    clock.now += 30_001;
    expect((await call(app, TOKEN, "campaigns/stop", { ymCampaignId: theirs })).body).toEqual(notFound(theirs));
  });
});
