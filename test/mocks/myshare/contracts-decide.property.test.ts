import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  MS_CATALOG_LEGACY_NAMES,
  MS_LANDING_LEGACY_NAMES,
  MS_OFFER_LEGACY_NAMES,
  MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES,
  MsCatalogCreateRequest,
  MsCatalogPutRequest,
  MsCatalogUpdateRequest,
  MsDealCreateRequest,
  MsDealUpdateRequest,
  MsLandingCreateRequest,
  MsLandingUpdateRequest,
  MsOfferCreateRequest,
  MsOfferPutRequest,
  MsOfferUpdateRequest,
  sentKey,
  type MsLegacyNames,
} from "../../../src/contracts/myshare/index.js";
import { readCatalog, withDefaults } from "../../../src/mocks/myshare/serializers/catalog-input.js";
import { readDealCreate, readDealPatch } from "../../../src/mocks/myshare/serializers/deal-input.js";
import { readLanding } from "../../../src/mocks/myshare/serializers/landing-input.js";
import { readOffer } from "../../../src/mocks/myshare/serializers/offer-input.js";
import type { ValidationErrors } from "../../../src/mocks/myshare/drf/form.js";
import { createCatalog } from "../../../src/state/myshare/catalogs.js";
import type { Catalog, Offer } from "../../../src/state/myshare/model.js";
import { createOffer } from "../../../src/state/myshare/offers.js";
import type { Tenant } from "../../../src/state/kernel/tenant.js";
import { makeTenant } from "../../state/kernel/tenant-fixture.js";
import { nearBody, type BodySpec, type References } from "./drf-bodies.js";

/**
 * myshare's contracts decide (issue 9 §5): for every write operation, the zod request contract the
 * OpenAPI document shows accepts exactly the bodies the DRF serializer the route runs accepts. Bodies
 * come from both sides: valid ones generated from the contract, and near-valid mutations of them (a
 * field dropped, null, of the wrong type, too long, out of range, a bad enum, URL, UUID or duration, an
 * extra field, a legacy name). Each run gets a fresh tenant holding the objects bodies refer to.
 *
 * What only the server's state decides is not a schema question. Where the fixture's state decides it,
 * the pair says how (`stateAllows`), and the serializer must accept exactly when the contract accepts
 * and the state allows. Refusals about objects that do not exist or names already taken are left out,
 * and only these, when the contract accepts and the serializer refuses (each run counts them; they
 * must stay rare):
 */
const STATEFUL_REFUSALS: readonly { why: string; applies: (errors: ValidationErrors) => boolean }[] = [
  { why: "catalog_code already used by another catalog", applies: (e) => only(e, "catalog_code", /^catalog with this catalog code already exists\.$/) },
  { why: "catalog_id names no catalog of the tenant", applies: (e) => only(e, "catalog_id", /^Invalid pk ".*" - object does not exist\.$/) },
  { why: "offer name already used in its catalog", applies: (e) => only(e, "non_field_errors", /^The fields catalog_id, name must make a unique set\.$/) },
  { why: "deal catalog_code or offer names nothing the tenant has", applies: (e) => onlyFields(e, ["catalog_code", "offer"], /^Object with (catalog_code|name)=.* does not exist\.$/) },
];

function messages(errors: ValidationErrors, key: string): string[] {
  const list = errors[key];
  return Array.isArray(list) ? list.flatMap((m) => (typeof m === "string" ? [m] : ["<nested>"])) : ["<nested>"];
}

function only(errors: ValidationErrors, key: string, pattern: RegExp): boolean {
  return onlyFields(errors, [key], pattern);
}

function onlyFields(errors: ValidationErrors, keys: readonly string[], pattern: RegExp): boolean {
  const present = Object.keys(errors);
  return present.length > 0 && present.every((key) => keys.includes(key) && messages(errors, key).every((m) => pattern.test(m)));
}

interface Fixture {
  tenant: Tenant;
  catalog: Catalog;
  offer: Offer;
}

/**
 * A tenant with one catalog (code "fixture_catalog", promo code percents 0-100 so that a PATCH or PUT
 * sending only one of them is never refused for the stored other) and one offer in it (reward 5%).
 */
function fixture(): Fixture {
  const tenant = makeTenant({}, "contracts-decide", "seed");
  const fields = withDefaults({ title: "Fixture", catalogCode: "fixture_catalog", minPromoCodePercent: 0, maxPromoCodePercent: 100 });
  if (fields === undefined) throw new Error("fixture catalog fields");
  const catalog = createCatalog(tenant, fields);
  if (!catalog.ok) throw new Error("fixture catalog");
  const offer = createOffer(tenant, {
    catalogId: catalog.value.id,
    name: "Fixture offer",
    isPromocodeAllowed: false,
    isActive: true,
    prices: [{ cost: 100, currency: "USD" }],
    description: "",
    rewardPercent: 5,
    fixRemuneration: null,
  });
  if (!offer.ok) throw new Error("fixture offer");
  return { tenant, catalog: catalog.value, offer: offer.value };
}

/** The same seed gives the same ids, so references can be drawn before the run's own tenant exists. */
const known = fixture();
const catalogRef: References = { catalog_id: fc.constant(known.catalog.id) };
const dealRefs: References = {
  catalog_code: fc.constantFrom(known.catalog.catalogCode, ` ${known.catalog.catalogCode} `),
  offer: fc.constantFrom(known.offer.name, `${known.offer.name} `),
};

type Serializer = (f: Fixture, body: Readonly<Record<string, unknown>>) => { ok: true } | { ok: false; errors: ValidationErrors };

interface Pair {
  operation: string;
  contract: z.ZodType;
  serializer: Serializer;
  legacyNames: MsLegacyNames;
  references: References;
  required?: readonly string[];
  /** What the fixture's stored object adds to the contract's answer (PUT and PATCH keep fields left out). */
  stateAllows?: (f: Fixture, body: Readonly<Record<string, unknown>>) => boolean;
}

/**
 * PUT and PATCH /offer/{id}/: exactly one of reward_percent and fix_remuneration once the body is
 * applied to the stored offer; a field left out keeps the stored value.
 */
function offerRewardAfterUpdate(f: Fixture, body: Readonly<Record<string, unknown>>): boolean {
  const after = (field: "reward_percent" | "fix_remuneration", stored: number | null) => {
    const key = sentKey(body, field, MS_OFFER_LEGACY_NAMES);
    return key === undefined ? stored : body[key];
  };
  const set = [after("reward_percent", f.offer.rewardPercent), after("fix_remuneration", f.offer.fixRemuneration)].filter((v) => v !== null && v !== undefined);
  return set.length === 1;
}

const PAIRS: readonly Pair[] = [
  { operation: "POST /catalog/", contract: MsCatalogCreateRequest, serializer: (f, b) => readCatalog(f.tenant, b, false), legacyNames: MS_CATALOG_LEGACY_NAMES, references: {} },
  { operation: "PUT /catalog/{id}/", contract: MsCatalogPutRequest, serializer: (f, b) => readCatalog(f.tenant, b, false, f.catalog), legacyNames: MS_CATALOG_LEGACY_NAMES, references: {} },
  { operation: "PATCH /catalog/{id}/", contract: MsCatalogUpdateRequest, serializer: (f, b) => readCatalog(f.tenant, b, true, f.catalog), legacyNames: MS_CATALOG_LEGACY_NAMES, references: {} },
  { operation: "POST /offer/", contract: MsOfferCreateRequest, serializer: (f, b) => readOffer(f.tenant, b, false), legacyNames: MS_OFFER_LEGACY_NAMES, references: catalogRef, required: MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES },
  { operation: "PUT /offer/{id}/", contract: MsOfferPutRequest, serializer: (f, b) => readOffer(f.tenant, b, false, f.offer), legacyNames: MS_OFFER_LEGACY_NAMES, references: catalogRef, required: MS_OFFER_REQUIRED_UNDER_LEGACY_NAMES, stateAllows: offerRewardAfterUpdate },
  { operation: "PATCH /offer/{id}/", contract: MsOfferUpdateRequest, serializer: (f, b) => readOffer(f.tenant, b, true, f.offer), legacyNames: MS_OFFER_LEGACY_NAMES, references: catalogRef, stateAllows: offerRewardAfterUpdate },
  { operation: "POST /landing/", contract: MsLandingCreateRequest, serializer: (f, b) => readLanding(f.tenant, b, false), legacyNames: MS_LANDING_LEGACY_NAMES, references: catalogRef },
  { operation: "PUT /landing/{id}/", contract: MsLandingCreateRequest, serializer: (f, b) => readLanding(f.tenant, b, false), legacyNames: MS_LANDING_LEGACY_NAMES, references: catalogRef },
  { operation: "PATCH /landing/{id}/", contract: MsLandingUpdateRequest, serializer: (f, b) => readLanding(f.tenant, b, true), legacyNames: MS_LANDING_LEGACY_NAMES, references: catalogRef },
  { operation: "POST /deal/", contract: MsDealCreateRequest, serializer: (f, b) => readDealCreate(f.tenant, b), legacyNames: {}, references: dealRefs },
  { operation: "PATCH /deal/{id}/", contract: MsDealUpdateRequest, serializer: (_f, b) => readDealPatch(b), legacyNames: {}, references: {} },
];

const SEED = 9_0905;
const RUNS = 200;

/** A JSON body as the wire carries it. */
const asJson = (body: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(body));

describe("myshare: the zod request contracts accept exactly what the DRF serializers accept", () => {
  for (const pair of PAIRS) {
    it(`${pair.operation}`, () => {
      const spec: BodySpec = { schema: pair.contract, legacyNames: pair.legacyNames, references: pair.references, required: pair.required };
      const tally = { accepted: 0, refused: 0, stateful: 0 };
      fc.assert(
        fc.property(nearBody(spec).map(asJson), (body) => {
          const f = fixture();
          const parsed = pair.contract.safeParse(body);
          const stateAllows = pair.stateAllows?.(f, body) ?? true;
          const served = pair.serializer(f, body);
          if (parsed.success && stateAllows && !served.ok && STATEFUL_REFUSALS.some((r) => r.applies(served.errors))) {
            tally.stateful += 1;
            return;
          }
          tally[served.ok ? "accepted" : "refused"] += 1;
          const contractSays = parsed.success ? "accepts" : `refuses (${parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ")})`;
          const stateSays = stateAllows ? "" : ", the stored object refuses";
          const serializerSays = served.ok ? "accepts" : `refuses ${JSON.stringify(served.errors)}`;
          expect(served.ok, `the contract ${contractSays}${stateSays}; the serializer ${serializerSays}`).toBe(parsed.success && stateAllows);
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Both sides are exercised: a property over bodies everyone refuses (or accepts) proves nothing.
      expect(tally.accepted).toBeGreaterThan(RUNS / 10);
      expect(tally.refused).toBeGreaterThan(RUNS / 4);
      expect(tally.stateful).toBeLessThan(RUNS / 5);
    });
  }
});
