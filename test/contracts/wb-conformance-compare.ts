import type { ErrorObject } from "ajv";
import type { SpecName, WbSpec } from "./wb-conformance-spec.js";

/** One live answer of the sandbox, as the conformance scenario saw it. */
export interface Observation {
  /** What the scenario was doing, e.g. "deposit with return". */
  step: string;
  method: "GET" | "POST";
  /** The path without its query string. */
  path: string;
  status: number;
  /** The media type without parameters, lower case; undefined when none was sent. */
  contentType: string | undefined;
  /** The body parsed as JSON; undefined when the body was empty. */
  body: unknown;
  /** The raw body text. */
  text: string;
}

/**
 * Where a live answer departs from a spec file. `at` is "status" (the status is not documented),
 * "content-type", "body" (a body where none is documented, or none where one is), "(root)" (the body
 * itself has the wrong shape), the JSON pointer of the offending value with array indexes as `*`
 * (e.g. "/*\/days/*\/date"), or such a pointer after "missing " (a documented field is absent) or
 * "undocumented " (the spec does not list the field).
 */
export interface Difference {
  spec: SpecName;
  method: string;
  path: string;
  status: number;
  at: string;
  detail: string;
  step: string;
}

/** The identity of a difference, as exceptions name it. */
export const differenceKey = (d: { spec: string; method: string; path: string; status: number; at: string }): string =>
  `${d.spec} ${d.method} ${d.path} ${d.status} ${d.at}`;

const normalizePointer = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, "/*");

function paramName(error: ErrorObject, key: string): string | undefined {
  const value: unknown = Reflect.get(error.params, key);
  return typeof value === "string" ? value : undefined;
}

/**
 * Where an ajv error is: the JSON pointer (array indexes as `*`, "(root)" for the body itself), prefixed
 * "missing " for a documented field that is absent and "undocumented " for a field the spec does not list.
 */
function errorPointer(error: ErrorObject): string {
  const base = normalizePointer(error.instancePath);
  if (error.keyword === "required") return `missing ${base}/${paramName(error, "missingProperty") ?? "?"}`;
  if (error.keyword === "additionalProperties") return `undocumented ${base}/${paramName(error, "additionalProperty") ?? "?"}`;
  return base === "" ? "(root)" : base;
}

const inside = (error: ErrorObject, parent: ErrorObject): boolean => error !== parent && error.schemaPath.startsWith(`${parent.schemaPath}/`);

/** The errors to report: for a failed anyOf/oneOf, only those of its closest branch (the one with fewest errors). */
function relevant(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => (e.keyword === "anyOf" || e.keyword === "oneOf") && !errors.some((outer) => outer !== e && inside(e, outer) && (outer.keyword === "anyOf" || outer.keyword === "oneOf")));
  const out = errors.filter((e) => !combinators.some((c) => c === e || inside(e, c)));
  for (const combinator of combinators) {
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors.filter((e) => inside(e, combinator) && e.instancePath.startsWith(combinator.instancePath))) {
      const branch = error.schemaPath.slice(combinator.schemaPath.length + 1).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), error]);
    }
    const closest = [...branches.values()].sort((a, b) => a.length - b.length)[0];
    // No branch errors: a oneOf that more than one branch matches.
    out.push(...(closest === undefined ? [combinator] : relevant(closest)));
  }
  return out;
}

/** One line per place: what is wrong there and the value found. */
function summarize(errors: readonly ErrorObject[], valueAt: (pointer: string) => unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const error of relevant(errors)) {
    const at = errorPointer(error);
    const value = JSON.stringify(valueAt(error.instancePath));
    const detail = `${error.keyword}: ${error.message ?? "invalid"}; value ${value === undefined ? "absent" : value.slice(0, 120)}`;
    if (!out.has(at)) out.set(at, detail);
  }
  return out;
}

function pointerValue(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split("/").slice(1)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = Reflect.get(node, Array.isArray(node) ? Number(token) : token.replace(/~1/g, "/").replace(/~0/g, "~"));
  }
  return node;
}

/** The gateway's "path not found": the sandbox does not serve the method (yet); nothing to compare. */
export function notServed(seen: Observation): boolean {
  return seen.status === 404 && typeof seen.body === "object" && seen.body !== null && Reflect.get(seen.body, "title") === "path not found";
}

/** Every way `seen` departs from what `spec` documents for its method and status (empty when it conforms). */
export function compare(spec: WbSpec, seen: Observation): Difference[] {
  const base = { spec: spec.name, method: seen.method, path: seen.path, status: seen.status, step: seen.step };
  const documented = spec.response(seen.method, seen.path, seen.status);
  if (documented === undefined) {
    const statuses = spec.statuses(seen.method, seen.path).join(", ");
    return [{ ...base, at: "status", detail: `HTTP ${seen.status} is not documented (documented: ${statuses}); body ${seen.text.slice(0, 160)}` }];
  }
  const empty = seen.text.length === 0;
  if (documented.content.size === 0) {
    return empty ? [] : [{ ...base, at: "body", detail: `the spec documents no body; the sandbox sent ${seen.text.slice(0, 160)}` }];
  }
  const types = [...documented.content.keys()];
  const differences: Difference[] = [];
  const own = seen.contentType !== undefined && documented.content.has(seen.contentType);
  // An empty answer where a body is documented still carries a documented media type (Prism flags a missing one).
  if (!own) {
    differences.push({ ...base, at: "content-type", detail: `the spec documents ${types.join(" or ")}; the sandbox sent ${seen.contentType ?? "none"}` });
  }
  if (empty) return [{ ...base, at: "body", detail: `the spec documents a ${types.join(" or ")} body; the sandbox sent none` }, ...differences];

  const schema = documented.content.get(own && seen.contentType !== undefined ? seen.contentType : (types[0] ?? ""));
  if (schema === undefined) return differences;
  const errors = spec.validate(schema, seen.body);
  for (const [at, detail] of summarize(errors, (pointer) => pointerValue(seen.body, pointer))) {
    differences.push({ ...base, at, detail });
  }
  return differences;
}
