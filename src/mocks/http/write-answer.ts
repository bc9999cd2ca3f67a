import type { IncomingMessage } from "node:http";
import type { Answer } from "./answer.js";
import type { SandboxContext } from "./context.js";
import type { Exchange } from "./exchange.js";

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

/**
 * Writes an answer: checks it against its contract (in test mode), journals it under `provider` (unless
 * `provider` is undefined: the control plane's own answers stay out of the journal) and sends it.
 */
export function writeAnswer(ctx: SandboxContext, target: Exchange, provider: string | undefined, answer: Answer): void {
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
    });
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
    return;
  }
  res.setHeader("Content-Type", "application/json; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(text));
  res.end(text);
}
