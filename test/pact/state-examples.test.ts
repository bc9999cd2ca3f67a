import request from "supertest";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "../../src/providers.js";
import { makeSandbox } from "../support/sandbox.js";

/** Every state of every provider's catalogue, with the params example docs/provider-states.md shows for it. */
const EXAMPLES = PROVIDERS.flatMap((plug) => (plug.providerStates ?? []).map((state) => [`${plug.name}: ${state.name}`, state.name, state.example] as const));

describe("the provider-state catalogue's own examples", () => {
  it("lists states for every provider", () => {
    expect(new Set(EXAMPLES.map(([label]) => label.split(":")[0]))).toEqual(new Set(PROVIDERS.map((plug) => plug.name)));
  });

  it.each(EXAMPLES)("%s sets up with its documented example", async (_label, state, params) => {
    const sandbox = makeSandbox();
    const res = await request(sandbox.app).post("/__sandbox/provider-states").set("Authorization", "Bearer examples").send({ state, params, action: "setup" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
