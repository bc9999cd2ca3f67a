import { MatchersV3 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { matchersFor } from "../../src/pact/matchers.js";

const Schema = z.object({
  id: z.number().int(),
  price: z.number(),
  status: z.enum(["started", "paused"]),
  code: z.string().regex(/^[A-Z]{2}\d+$/),
  at: z.iso.datetime(),
  kind: z.literal("offer"),
  note: z.string().nullable(),
  tags: z.array(z.object({ name: z.string() })),
  empty: z.array(z.string()),
});
const example = { id: 1, price: 2.5, status: "started" as const, code: "AB12", at: "2026-01-15T09:00:00Z", kind: "offer" as const, note: null, tags: [{ name: "x" }], empty: [] };

describe("matchersFor", () => {
  it("types per field, regex for enums and patterns, eachLike for arrays, literals and nulls exact", () => {
    const tree = matchersFor(Schema, example);
    expect(tree).toMatchObject({
      id: { "pact:matcher:type": "integer", value: 1 },
      price: { "pact:matcher:type": "number", value: 2.5 },
      status: { "pact:matcher:type": "regex", regex: "^(started|paused)$", value: "started" },
      code: { "pact:matcher:type": "regex", regex: "^[A-Z]{2}\\d+$", value: "AB12" },
      at: { "pact:matcher:type": "regex", value: "2026-01-15T09:00:00Z" },
      kind: "offer",
      note: null,
      tags: { "pact:matcher:type": "type", min: 1, value: [{ name: { "pact:matcher:type": "type", value: "x" } }] },
      empty: { "pact:matcher:type": "type", value: [] },
    });
    expect(MatchersV3.reify(tree)).toEqual(example);
  });

  it("keeps a matcher the caller put in the example (fromProviderState)", () => {
    const id = MatchersV3.fromProviderState("${ymCampaignId}", 7);
    expect(matchersFor(Schema.pick({ id: true }), { id })).toEqual({ id });
  });

  it("refuses an example that breaks its contract, naming the field", () => {
    expect(() => matchersFor(Schema, JSON.parse('{"status":"running"}'))).toThrow(/status: /);
  });
});
