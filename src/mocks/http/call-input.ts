import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { z } from "zod";
import { JOURNALED_HEADERS } from "../../contracts/sandbox/journal.js";
import type { JsonValue } from "../../state/kernel/json.js";
import type { RawBody } from "./body-reader.js";
import { exchangeOf, type Exchange } from "./exchange.js";

/**
 * What a call's step needs to run again (a log entry's `input`, issue 12): the pipeline that served it
 * (a provider's name, or "sandbox" for the control plane), its method and URL as sent, the request headers
 * a step reads (Authorization, Content-Type and Host; Content-Length and the journaled ones for its journal
 * entry) and its body as read: the inflated bytes (UTF-8 text when they are, else base64), or what was wrong
 * with them. The dialect parses the body again on replay, so the handler sees exactly what it saw.
 */
export const CallInput = z.object({
  pipeline: z.string(),
  method: z.string(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.union([
    z.null(),
    z.object({ text: z.string() }),
    z.object({ base64: z.string() }),
    z.object({
      error: z.union([
        z.object({ kind: z.literal("malformed"), message: z.string() }),
        z.object({ kind: z.literal("tooLarge"), limit: z.number() }),
        z.object({ kind: z.literal("tooDeep"), limit: z.number() }),
      ]),
    }),
  ]),
});
export type CallInput = z.infer<typeof CallInput>;

/** The request headers an entry keeps: those steps read, and those the journal shows. */
const KEPT_HEADERS: readonly string[] = [...new Set(["authorization", "content-type", "content-length", "host", ...JOURNALED_HEADERS])];

function bodyOf(raw: RawBody): CallInput["body"] {
  if (!raw.ok) return { error: raw.error };
  if (raw.bytes === undefined) return null;
  const text = raw.bytes.toString("utf8");
  return Buffer.byteLength(text) === raw.bytes.length && Buffer.from(text, "utf8").equals(raw.bytes) ? { text } : { base64: raw.bytes.toString("base64") };
}

/** A call's input, as its log entry keeps it. */
export function inputOf(pipeline: string, exchange: Exchange, raw: RawBody): CallInput {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = exchange.req.headers[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { pipeline, method: exchange.method, url: exchange.req.url ?? exchange.path, headers, body: bodyOf(raw) };
}

/** The body as the body reader gave it when the call first came. */
export function rawBodyOf(input: CallInput): RawBody {
  const body = input.body;
  if (body === null) return { ok: true, bytes: undefined };
  if ("error" in body) return { ok: false, error: body.error };
  return { ok: true, bytes: "text" in body ? Buffer.from(body.text, "utf8") : Buffer.from(body.base64, "base64") };
}

/**
 * An exchange for replaying `input`: a request with its method, URL and headers on a socket that never
 * connects, and a response nobody reads (a replayed step's answer is discarded).
 */
export function replayExchange(input: CallInput): Exchange {
  const req = new IncomingMessage(new Socket());
  req.method = input.method;
  req.url = input.url;
  req.headers = { ...input.headers };
  return exchangeOf(req, new ServerResponse(req));
}

/** A stored input (JSON read back from a log) as a CallInput, or why it is not one. */
export function readCallInput(value: JsonValue): { ok: true; input: CallInput } | { ok: false; problem: string } {
  const parsed = CallInput.safeParse(value);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, problem: parsed.error.message };
}
