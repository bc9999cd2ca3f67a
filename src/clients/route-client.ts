import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { fillPath, type RouteSpec, type RouteTable } from "../contracts/http/route.js";
import { readReply } from "./reply-reader.js";
import type { AnyReply, CallInput, ResponsesByStatus, RouteClient } from "./route-client-types.js";
import { UnexpectedResponse } from "./unexpected-response.js";

/** How one API is called, whatever the operation. */
export interface ApiDescription<P extends ResponsesByStatus> {
  /** Names the API in errors: "Wildberries". */
  name: string;
  /** What baseUrl should point at, for errors: "Promotion API (advert-api)". */
  servedBy: string;
  /** Put before every path of the table ("/api/offerwall/v1"); default none. */
  basePath?: string;
  /** The Authorization header for a token: raw, `Bearer <token>`, ... */
  authorization(token: string): string;
  /** What the provider's pipeline answers whatever the operation (401, 404, 405, 413, 429, 500, ...), by status. */
  pipeline: P;
}

/** Where and as whom a client calls. */
export interface ClientOptions {
  /** e.g. http://127.0.0.1:8787 (a trailing slash is fine). */
  baseUrl: string;
  /** Sent on every operation that takes a token (in the API's own form); without it, none is sent. */
  token?: string | undefined;
  /**
   * The control plane's admin token (--admin-token): sent on the operations only it may call (`auth:
   * "admin"`), and in preference to `token` on those that take any token or none (`auth: "optional"`).
   */
  adminToken?: string | undefined;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `params` or `query` of an input: an object, or nothing. */
function objectPart(value: unknown, operation: string, part: string): Readonly<Record<string, unknown>> | undefined {
  if (value === undefined || isRecord(value)) return value;
  throw new TypeError(`${operation}: ${part} must be an object of ${part === "params" ? "path" : "query"} parameters (got ${JSON.stringify(value)})`);
}

function text(value: unknown, what: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  throw new TypeError(`${what} must be a string, number or boolean (got ${JSON.stringify(value)})`);
}

function pathParams(params: Readonly<Record<string, unknown>> | undefined, operation: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = text(value, `${operation}: path parameter "${name}"`);
  return out;
}

/** `?a=1&b=x` from the query object: undefined left out, an array as the parameter repeated. */
function queryString(query: Readonly<Record<string, unknown>> | undefined, operation: string): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const items: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (const item of items) search.append(name, text(item, `${operation}: query parameter "${name}"`));
  }
  const rendered = search.toString();
  return rendered === "" ? "" : `?${rendered}`;
}

/** The responses documented for a status: the operation's own, then the pipeline's. */
function documentedFor(status: number, own: ResponsesByStatus, pipeline: ResponsesByStatus): ResponseConfig[] {
  return [own[status], pipeline[status]].filter((response): response is ResponseConfig => response !== undefined);
}

/** Every operation of the table has a method: true by construction, checked so the client's type is earned. */
function coversTable<T extends RouteTable, P extends ResponsesByStatus>(methods: object, table: T): methods is RouteClient<T, P> {
  return Object.keys(table).every((id) => id in methods && typeof Reflect.get(methods, id) === "function");
}

/**
 * The answer's text. A live event stream (text/event-stream) never ends: its text is what came in its first
 * chunk (the opening, and what the server sent at once with it), then the stream is closed. To follow it
 * live, read `fetch(url).body` instead.
 */
async function answerText(response: Response): Promise<string> {
  if (response.headers.get("content-type")?.startsWith("text/event-stream") !== true || response.body === null) return response.text();
  const reader = response.body.getReader();
  const first = await reader.read();
  await reader.cancel();
  return first.value === undefined ? "" : new TextDecoder().decode(first.value);
}

/**
 * A typed client of a whole route table: one method per operation id. A method takes `{ params, query,
 * body }` (each typed from the route's zod schemas) and resolves to `{ status, body, headers }` for every
 * status the operation or its provider's pipeline documents, the body parsed with that status's schema.
 * Any other status, or a body or documented header that breaks its schema, throws UnexpectedResponse.
 * Inputs are sent as given (not validated), so a test can send what the API refuses.
 */
export function createClient<const T extends RouteTable, P extends ResponsesByStatus>(table: T, api: ApiDescription<P>, options: ClientOptions): RouteClient<T, P> {
  const baseUrl = `${options.baseUrl.replace(/\/+$/, "")}${api.basePath ?? ""}`;
  const fetchImpl = options.fetch ?? fetch;

  function tokenFor(spec: RouteSpec): string | undefined {
    if (spec.auth === "none") return undefined;
    if (spec.auth === "admin") return options.adminToken;
    if (spec.auth === "optional") return options.adminToken ?? options.token;
    return options.token;
  }

  async function call(operationId: string, spec: RouteSpec, input: CallInput | undefined): Promise<AnyReply> {
    const operation = `${api.name} ${operationId}`;
    const params = objectPart(input?.params, operation, "params");
    const query = objectPart(input?.query, operation, "query");
    const target = `${baseUrl}${fillPath(spec.path, pathParams(params, operation))}${queryString(query, operation)}`;
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = tokenFor(spec);
    if (token !== undefined) headers.Authorization = api.authorization(token);
    const body = input?.body;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetchImpl(target, { method: spec.method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const answer = { status: response.status, text: await answerText(response), headers: response.headers };

    const documented = documentedFor(answer.status, spec.responses, api.pipeline);
    if (documented.length === 0) {
      const known = [...new Set([...Object.keys(spec.responses), ...Object.keys(api.pipeline)])].sort().join(", ");
      throw new UnexpectedResponse(operation, answer.status, answer.text, `HTTP ${answer.status} is not an answer the operation documents (it documents ${known})`, api.servedBy);
    }
    const read = readReply(answer, documented);
    if (!read.ok) throw new UnexpectedResponse(operation, answer.status, answer.text, read.why, api.servedBy);
    return read.reply;
  }

  const methods: Record<string, (input?: CallInput) => Promise<AnyReply>> = {};
  for (const [operationId, spec] of Object.entries(table)) methods[operationId] = (input) => call(operationId, spec, input);
  if (!coversTable<T, P>(methods, table)) throw new Error(`the ${api.name} client lacks a method for an operation of its table`);
  return methods;
}
