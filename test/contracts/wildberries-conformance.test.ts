import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { makeSandbox } from "../support/sandbox.js";
import { compare, differenceKey, notServed, type Difference, type Observation } from "./wb-conformance-compare.js";
import { DECLARED_DIFFERENCES, type DeclaredDifference } from "./wb-conformance-exceptions.js";
import { ABSENT_FROM_EVERY_SPEC, methodKey, SEED_METHODS } from "./wb-conformance-methods.js";
import { runGatewayScenario, runScenario } from "./wb-conformance-scenario.js";
import { SPEC_NAMES, WbSpec } from "./wb-conformance-spec.js";

const NOTES = new URL("../../docs/fidelity.md", import.meta.url);

/** A declared difference as one row of the notes' table: `| specs | METHOD path | status | at | reason |`. */
function row(d: DeclaredDifference): string {
  const method = d.path === "*" ? "every method" : `${d.method} ${d.path}`;
  return `| ${[...d.specs].sort().join(", ")} | ${method} | ${d.status} | \`${d.at}\` | ${d.reason} |`;
}

/** Whether `declared` names `found` (a declared path "*" stands for every method: gateway-wide differences). */
const covers = (declared: DeclaredDifference, found: Difference): boolean =>
  declared.specs.includes(found.spec) &&
  (declared.path === "*" || (declared.method === found.method && declared.path === found.path)) &&
  declared.status === found.status &&
  declared.at === found.at;

describe("the sandbox's Wildberries answers against the provider's own OpenAPI files (../shared/specs)", () => {
  const sandbox = makeSandbox();
  const specs = new Map(SPEC_NAMES.map((name) => [name, new WbSpec(name)] as const));
  const primary = new WbSpec("2025-09");
  const inPrimary = SEED_METHODS.filter(([verb, path]) => primary.operation(verb, path) !== undefined);
  let observations: Observation[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    const main = await runScenario(sandbox.app);
    const gateway = await runGatewayScenario(sandbox.app, inPrimary);
    observations = [...main.observations, ...gateway.observations];
    problems = [...main.problems, ...gateway.problems];
  }, 60_000);

  it("the scenario gets the status it expects from every call (a 404 here is a method not served yet)", () => {
    expect(problems).toEqual([]);
  });

  it("the eight seed-era methods missing from every spec file are the ones specs/README.md names", () => {
    for (const spec of specs.values()) {
      const absent = SEED_METHODS.filter(([verb, path]) => spec.operation(verb, path) === undefined).map(([verb, path]) => methodKey(verb, path));
      expect(absent).toEqual(expect.arrayContaining([...ABSENT_FROM_EVERY_SPEC]));
    }
    expect(SEED_METHODS.length - inPrimary.length).toBe(ABSENT_FROM_EVERY_SPEC.length);
  });

  it("every seed-era method the primary spec (2025-09) documents answered a documented success status", () => {
    const uncovered = inPrimary
      .filter(([verb, path]) => {
        const success = primary.statuses(verb, path).filter((s) => s.startsWith("2"));
        return !observations.some((o) => o.method === verb && o.path === path && success.includes(String(o.status)));
      })
      .map(([verb, path]) => methodKey(verb, path));
    expect(uncovered).toEqual([]);
  });

  describe.each(SPEC_NAMES)("spec %s", (name) => {
    const differences = (): Difference[] => {
      const spec = specs.get(name);
      if (spec === undefined) throw new Error(`spec ${name} is not loaded`);
      return observations.filter((o) => spec.operation(o.method, o.path) !== undefined && !notServed(o)).flatMap((o) => compare(spec, o));
    };

    it("every difference from the spec is a declared one", () => {
      const undeclared = new Map<string, string>();
      for (const d of differences()) {
        const key = differenceKey(d);
        if (!DECLARED_DIFFERENCES.some((declared) => covers(declared, d)) && !undeclared.has(key)) {
          undeclared.set(key, `${key} — ${d.step}: ${d.detail.slice(0, 160)}`);
        }
      }
      expect([...undeclared.values()]).toEqual([]);
    });

    it("every declared difference still occurs", () => {
      const found = differences();
      const stale = DECLARED_DIFFERENCES.filter((declared) => declared.specs.includes(name) && !found.some((d) => covers(declared, d)));
      expect(stale.map(row)).toEqual([]);
    });
  });

  it("docs/fidelity.md lists exactly the declared differences", () => {
    const documented = readFileSync(NOTES, "utf8")
      .split("\n")
      .filter((line) => /^\| 20\d\d-\d\d/.test(line))
      .map((line) => line.trim());
    expect(documented).toEqual(DECLARED_DIFFERENCES.map(row));
  });
});

describe("the conformance checker itself (so that a pass means something)", () => {
  const spec = new WbSpec("2025-09");
  const seen = (status: number, body: unknown, contentType = "application/json"): Observation => ({
    step: "checker",
    method: "GET",
    path: "/adv/v1/promotion/count",
    status,
    contentType,
    body,
    text: body === undefined ? "" : JSON.stringify(body),
  });
  const at = (o: Observation) => compare(spec, o).map((d) => d.at);

  it("accepts a conforming body, OpenAPI `nullable` included", () => {
    const list = [{ type: 9, status: 4, count: 1, advert_list: [{ advertId: 1, changeTime: "2026-01-15T12:00:00.000000+03:00" }] }];
    expect(at(seen(200, { adverts: list, all: 1 }))).toEqual([]);
    expect(at(seen(200, { adverts: null, all: 0 }))).toEqual([]);
  });

  it("names a wrong type, a bad date-time, a missing and an undocumented field by pointer", () => {
    const body = { adverts: [{ type: 9, status: 4, count: 1, advert_list: [{ advertId: 1, changeTime: "15.01.2026" }] }], all: "1", extra: true };
    expect(at(seen(200, body)).sort()).toEqual(["/adverts/*/advert_list/*/changeTime", "/all", "undocumented /extra"]);
    expect(at(seen(200, { all: 1 }))).toEqual(["missing /adverts"]);
  });

  it("names an undocumented status, a missing body and a foreign media type", () => {
    expect(at(seen(418, "teapot"))).toEqual(["status"]);
    expect(at(seen(200, undefined))).toEqual(["body"]);
    expect(at(seen(200, undefined, "text/plain"))).toEqual(["body", "content-type"]);
    expect(at(seen(200, { adverts: null, all: 0 }, "text/html"))).toEqual(["content-type"]);
  });
});
