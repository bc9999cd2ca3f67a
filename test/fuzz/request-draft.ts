import type { FuzzOperation } from "./operations.js";
import { RawJson } from "./raw-json.js";
import { validValue } from "./valid-input.js";
import { isJsonObject } from "./json-tree.js";

/** The tenant every fuzz request acts on (the canary is another tenant, which no fuzz request names). */
export const FUZZ_TOKEN = "fuzz-tenant";

export type DraftBody = { kind: "none" } | { kind: "json"; value: unknown; raw: RawJson } | { kind: "bytes"; bytes: Buffer };

/** A request before it is written: mutations change a draft, `toWire` writes it. */
export interface Draft {
  method: string;
  /** The raw (already percent-encoded) path segment of each path parameter. */
  params: Record<string, string>;
  /** Raw query pairs as written, e.g. "id=1". */
  query: string[];
  /** The Authorization header; undefined sends none. */
  token: string | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  body: DraftBody;
}

/** A request exactly as it goes on the wire. */
export interface WireRequest {
  method: string;
  /** The path as written (percent-encoded), without the query. */
  path: string;
  /** Path and query, as written on the request line. */
  target: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

export const JSON_TYPE = "application/json";

function entriesOf(value: unknown): [string, unknown][] {
  return isJsonObject(value) ? Object.entries(value) : [];
}

function queryText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value) ?? "";
}

/** Query pairs for a value of the query contract (arrays repeat their key). */
function queryPairs(value: unknown): string[] {
  const pairs: string[] = [];
  for (const [name, item] of entriesOf(value)) {
    if (item === undefined) continue;
    for (const one of Array.isArray(item) ? item : [item]) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(queryText(one))}`);
  }
  return pairs;
}

/** A request the operation's zod contracts accept (as far as the faker can follow them), from one seed. */
export function validDraft(operation: FuzzOperation, fakerSeed: number): Draft {
  const params = operation.params === undefined ? {} : validValue(operation.params, fakerSeed);
  const paramValues = new Map(entriesOf(params));
  const query = operation.query === undefined ? [] : queryPairs(validValue(operation.query, fakerSeed + 1));
  const body: DraftBody = operation.body === undefined ? { kind: "none" } : { kind: "json", value: validValue(operation.body, fakerSeed + 2), raw: new RawJson() };
  return {
    method: operation.method,
    params: Object.fromEntries(operation.pathParams.map((name) => [name, encodeURIComponent(queryText(paramValues.get(name) ?? 1))])),
    query,
    token: FUZZ_TOKEN,
    contentType: body.kind === "none" ? undefined : JSON_TYPE,
    contentEncoding: undefined,
    body,
  };
}

/** The draft's body as JSON to change: an operation that takes no body is sent `{}` (and then changed). */
export function jsonBodyOf(draft: Draft): { value: unknown; raw: RawJson } {
  if (draft.body.kind === "json") return draft.body;
  return { value: {}, raw: new RawJson() };
}

/** The draft with this JSON body, sent as application/json. */
export function withJsonBody(draft: Draft, value: unknown, raw: RawJson): Draft {
  return { ...draft, contentType: draft.contentType ?? JSON_TYPE, body: { kind: "json", value, raw } };
}

export function bodyBytes(body: DraftBody): Buffer | undefined {
  if (body.kind === "none") return undefined;
  return body.kind === "json" ? body.raw.render(body.value) : body.bytes;
}

export function toWire(operation: FuzzOperation, draft: Draft): WireRequest {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => draft.params[name] ?? "1");
  const headers: Record<string, string> = {};
  if (draft.token !== undefined) headers["Authorization"] = draft.token;
  if (draft.contentType !== undefined) headers["Content-Type"] = draft.contentType;
  if (draft.contentEncoding !== undefined) headers["Content-Encoding"] = draft.contentEncoding;
  return {
    method: draft.method,
    path,
    target: draft.query.length === 0 ? path : `${path}?${draft.query.join("&")}`,
    headers,
    body: bodyBytes(draft.body),
  };
}

const PREVIEW = 240;

function preview(text: string): string {
  return text.length <= PREVIEW ? JSON.stringify(text) : `${JSON.stringify(text.slice(0, PREVIEW))}... (${text.length} characters)`;
}

/** One line a person can read (long parts cut) and a curl-like reproduction can be built from. */
export function describeRequest(request: WireRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${preview(value)}`)
    .join(", ");
  const body = request.body === undefined ? "no body" : `body ${request.body.length} bytes ${preview(request.body.toString("utf8"))}`;
  return `${request.method} ${preview(request.target)} {${headers}} ${body}`;
}
