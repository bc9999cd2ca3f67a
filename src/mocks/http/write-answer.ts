import type { IncomingMessage } from "node:http";
import type { Answer, RawBody, StreamBody } from "./answer.js";
import type { SandboxContext } from "./context.js";
import type { Exchange } from "./exchange.js";
import { journalHeaders } from "./journal-headers.js";
import { logAccess } from "./access-log.js";

/** What the journal notes of a call beyond its exchange: set by the pipeline as the call goes. */
export interface JournalCall {
  /** `performance.now()` when the request arrived. */
  started: number;
  /** The route table's operation id, once the call matched one. */
  operation: string | undefined;
  /** For a 404 or 405: the operation nearest to the path called. */
  nearestOperation: string | undefined;
  /** The fault applied to the call (its id and what it did), once the faults step applied one. */
  fault: string | undefined;
}

/** Request bodies larger than this are journaled as a summary, not kept. */
const JOURNAL_BODY_LIMIT = 64 * 1024;

/** The request body as JSON text for the journal (a summary when it is large). */
function journalText(req: IncomingMessage, body: unknown): string | undefined {
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > JOURNAL_BODY_LIMIT) return JSON.stringify({ truncated: true, bytes: length });
  if (body === undefined || Buffer.isBuffer(body)) return undefined;
  const text = JSON.stringify(body);
  // A compressed body's Content-Length says nothing of its inflated size.
  return text.length > JOURNAL_BODY_LIMIT ? JSON.stringify({ truncated: true, bytes: Buffer.byteLength(text) }) : text;
}

/** Writes a non-JSON answer as it is (no schema check, no journal: pages, scripts, documents). */
function writeRaw(ctx: SandboxContext, target: Exchange, answer: Answer, raw: RawBody, call: JournalCall | undefined): void {
  const res = target.res;
  if (answer.headers !== undefined) for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.statusCode = answer.status;
  ctx.onAnswer?.({ method: target.method, path: target.path, status: answer.status, contentType: raw.contentType, body: raw.content });
  res.setHeader("Content-Type", raw.contentType);
  res.setHeader("Content-Length", Buffer.byteLength(raw.content));
  res.end(raw.content);
  logAccess(ctx.logger, target, answer.status, call);
}

/**
 * Opens an answer that stays open (an event stream): its head and opening now, then its writer until the
 * response closes; tracked so the server's close ends it. Not checked nor journaled; its access line is
 * written as it opens. HEAD gets the head alone.
 */
function writeStream(ctx: SandboxContext, target: Exchange, answer: Answer, stream: StreamBody, call: JournalCall | undefined): void {
  const res = target.res;
  if (answer.headers !== undefined) for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.statusCode = answer.status;
  res.setHeader("Content-Type", stream.contentType);
  res.setHeader("Cache-Control", "no-store");
  // The stream's end closes its connection: a client sees it end, and the server's close need not wait for it.
  res.setHeader("Connection", "close");
  ctx.onAnswer?.({ method: target.method, path: target.path, status: answer.status, contentType: stream.contentType, body: stream.opening });
  logAccess(ctx.logger, target, answer.status, call);
  if (target.method === "HEAD") return void res.end();
  // A client gone before the stream opened: nothing to follow (its "close" has already been).
  if (res.destroyed || res.closed) return void res.end();
  res.write(stream.opening);
  ctx.streams.add(res);
  const opened = performance.now();
  const stop = stream.open(res);
  const heartbeat = setInterval(() => {
    if (!res.writableEnded) res.write(stream.heartbeat);
  }, ctx.heartbeatMs);
  heartbeat.unref();
  res.once("close", () => {
    clearInterval(heartbeat);
    stop();
    if (ctx.logger.isLevelEnabled("debug")) {
      const seconds = Math.round(performance.now() - opened) / 1000;
      ctx.logger.debug({ method: target.method, path: target.path, seconds }, `${target.method} ${target.path} stream closed after ${seconds} s`);
    }
  });
}

/**
 * The journal's part of an answer, inside the call's step: serialises it once and journals it under
 * `provider` (unless `provider` is undefined: the control plane's own answers stay out of the journal).
 * Returns the JSON text to send (undefined for no body, and for raw and stream answers, which are never
 * journaled). `delayMs`: real time the answer will still wait (a fault's delay), counted in its duration.
 */
export function journalAnswer(target: Exchange, provider: string | undefined, answer: Answer, call?: JournalCall, delayMs = 0): string | undefined {
  if (answer.raw !== undefined || answer.stream !== undefined) return undefined;
  // Serialised once: the same text goes to the client and into the journal.
  const text = answer.body === undefined ? undefined : JSON.stringify(answer.body);
  const tenant = provider === undefined ? undefined : target.tenant;
  if (tenant !== undefined && provider !== undefined) {
    tenant.log({
      provider,
      method: target.method,
      path: target.path,
      query: target.query,
      status: answer.status,
      requestBody: journalText(target.req, target.journalBody),
      responseBody: text,
      headers: journalHeaders(target.req.headers),
      // Microsecond steps: enough to tell calls apart, and a short number.
      durationMs: call === undefined ? 0 : Math.round((performance.now() - call.started + delayMs) * 1000) / 1000,
      operation: call?.operation,
      nearestOperation: call?.nearestOperation,
      fault: call?.fault,
    });
  }
  return text;
}

/**
 * Sends an answer journaled by journalAnswer (`text` is what it returned): checks it against its contract
 * (in test mode) and writes it once.
 */
export function deliverAnswer(ctx: SandboxContext, target: Exchange, answer: Answer, text: string | undefined, call?: JournalCall): void {
  if (answer.raw !== undefined) return writeRaw(ctx, target, answer, answer.raw, call);
  if (answer.stream !== undefined) return writeStream(ctx, target, answer, answer.stream, call);
  if (ctx.validateResponses && answer.schema !== undefined) {
    const checked = answer.schema.safeParse(answer.body);
    if (!checked.success) {
      ctx.violations.push({
        method: target.method,
        path: target.query === "" ? target.path : `${target.path}?${target.query}`,
        status: answer.status,
        issues: JSON.stringify(checked.error.issues),
      });
    }
  }
  const res = target.res;
  if (answer.headers !== undefined) for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.statusCode = answer.status;
  if (ctx.onAnswer !== undefined) {
    ctx.onAnswer({
      method: target.method,
      path: target.path,
      status: answer.status,
      contentType: text === undefined ? undefined : "application/json; charset=utf-8",
      body: text,
    });
  }
  if (text === undefined) {
    res.end();
  } else {
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.setHeader("Content-Length", Buffer.byteLength(text));
    res.end(text);
  }
  logAccess(ctx.logger, target, answer.status, call);
}

/** Journals and sends an answer at once (journalAnswer, then deliverAnswer). */
export function writeAnswer(ctx: SandboxContext, target: Exchange, provider: string | undefined, answer: Answer, call?: JournalCall): void {
  deliverAnswer(ctx, target, answer, journalAnswer(target, provider, answer, call), call);
}
