import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Mutation } from "./mutation.js";
import { MUTATIONS } from "./mutations.js";
import { loadOperations, type FuzzOperation } from "./operations.js";
import { deeplyNested, RawJson } from "./raw-json.js";
import { toWire, validDraft, type WireRequest } from "./request-draft.js";

/** The fuzz test's generators make the requests their names promise (a mutation that sends the valid request tests nothing). */

const operations = loadOperations();

function operation(name: string): FuzzOperation {
  const found = operations.find((op) => op.name === name);
  if (found === undefined) throw new Error(`no operation ${name} in openapi/*.json`);
  return found;
}

function mutationNamed(name: string): Mutation {
  const found = MUTATIONS.find((m) => m.name === name);
  if (found === undefined) throw new Error(`no mutation ${name}`);
  return found;
}

/** `count` requests of the mutation applied to the operation's valid request. */
function sample(op: FuzzOperation, mutation: Mutation, count = 20): { valid: WireRequest; mutated: WireRequest }[] {
  return fc.sample(fc.tuple(fc.integer({ min: 0, max: 2 ** 31 - 1 }), mutation.changes), { seed: 7, numRuns: count }).map(([seed, change]) => ({
    valid: toWire(op, validDraft(op, seed)),
    mutated: toWire(op, change(validDraft(op, seed))),
  }));
}

const text = (request: WireRequest) => request.body?.toString("utf8") ?? "";

describe("fuzz generators", () => {
  it("take every operation of the four documents, each with its zod request contracts", () => {
    const documents = new Set(operations.map((op) => op.name.split(" ")[0]));
    expect([...documents].sort()).toEqual(["myshare", "sandbox", "wildberries", "yoomoney"]);
    expect(operation("yoomoney createCampaign").body).toBeDefined();
    expect(operation("myshare getCatalog")).toMatchObject({ method: "GET", path: "/catalog/{id}/", pathParams: ["id"] });
    expect(operation("wildberries getCampaigns").queryParams).toEqual(["status", "type", "order", "direction"]);
  });

  it("fake valid bodies that the contract accepts, the same for the same seed", () => {
    const op = operation("yoomoney getCampaign");
    const bodies = [1, 2, 3].map((seed) => JSON.parse(text(toWire(op, validDraft(op, seed)))));
    for (const body of bodies) expect(op.body?.safeParse(body).success).toBe(true);
    expect(text(toWire(op, validDraft(op, 2)))).toBe(text(toWire(op, validDraft(op, 2))));
  });

  it("write raw JSON that JSON.stringify cannot: __proto__ members, -0, nesting past the stack", () => {
    const raw = new RawJson();
    const value = { [raw.member('"__proto__":{"polluted":true}')]: 0, a: raw.value("-0"), b: raw.value(Buffer.from([0x22, 0xff, 0x22])) };
    expect(raw.render(value)).toEqual(Buffer.concat([Buffer.from('{"__proto__":{"polluted":true},"a":-0,"b":"'), Buffer.from([0xff]), Buffer.from('"}')]));
    expect(deeplyNested(3, "array")).toBe("[[[]]]");
    expect(deeplyNested(2, "object")).toBe('{"a":{"a":null}}');
  });

  it("change the request in every mutation but valid", () => {
    const op = operation("myshare putCatalog");
    for (const mutation of MUTATIONS.filter((m) => m.name !== "valid")) {
      const changed = sample(op, mutation).filter(({ valid, mutated }) => JSON.stringify({ ...valid, body: text(valid) }) !== JSON.stringify({ ...mutated, body: text(mutated) }));
      expect(changed.length, `${mutation.name} left the request unchanged ${20 - changed.length} times in 20`).toBeGreaterThanOrEqual(18);
    }
  });

  it("send what each mutation names", () => {
    const op = operation("wildberries createAutoCampaign");
    const deep = sample(op, mutationNamed("deep-nesting")).map(({ mutated }) => text(mutated));
    expect(deep.every((body) => body.includes("[".repeat(5_000)) || body.includes('{"a":'.repeat(5_000)))).toBe(true);
    expect(deep.some((body) => body.includes("[".repeat(100_000)))).toBe(true);
    const proto = sample(op, mutationNamed("proto-keys")).map(({ mutated }) => text(mutated));
    expect(proto.every((body) => /"(__proto__|constructor|prototype|toString|hasOwnProperty|valueOf|__defineGetter__)":/.test(body))).toBe(true);
    const numbers = sample(op, mutationNamed("extreme-number"), 100).map(({ mutated }) => text(mutated));
    expect(numbers.some((body) => body.includes(":9007199254740993")) && numbers.some((body) => body.includes(":-0"))).toBe(true);
    const huge = sample(op, mutationNamed("huge-string")).map(({ mutated }) => mutated.body?.length ?? 0);
    expect(Math.max(...huge)).toBeGreaterThan(1_048_576);
    const encodings = sample(op, mutationNamed("content-encoding")).map(({ mutated }) => mutated.headers["Content-Encoding"]);
    expect(new Set(encodings)).toEqual(new Set(["gzip", "deflate", "br", "x-fuzz-unknown", "gzip, gzip", "identity"]));
    const paths = sample(operation("myshare getCatalog"), mutationNamed("bad-path-id"), 200).map(({ mutated }) => mutated.path);
    expect(paths).toEqual(expect.arrayContaining(["/catalog/%ZZ/", "/catalog/../"]));
    const tokens = sample(op, mutationNamed("no-token")).map(({ mutated }) => mutated.headers["Authorization"]);
    expect(tokens.every((token) => token === undefined)).toBe(true);
  });
});
