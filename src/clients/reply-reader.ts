import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z, type ZodObject, type ZodType } from "zod";
import type { AnyReply } from "./route-client-types.js";

/** A raw answer, as fetch gave it. */
export interface RawAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/** The answer read with one documented response, or why it does not fit it. */
type Reading = { ok: true; body: unknown } | { ok: false; why: string };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "no detail";
  const path = issue.path.map(String).join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}

function jsonSchemaOf(response: ResponseConfig): ZodType | undefined {
  const media = response.content?.["application/json"];
  const schema = media !== undefined && "schema" in media ? media.schema : undefined;
  return schema instanceof z.ZodType ? schema : undefined;
}

const bodyIsOptional = (response: ResponseConfig): boolean => "x-body-optional" in response && response["x-body-optional"] === true;

function headersSchemaOf(response: ResponseConfig): ZodObject | undefined {
  return response.headers instanceof z.ZodObject ? response.headers : undefined;
}

/** The documented headers of a response, as sent (a missing one is undefined, so its schema can say it is missing). */
function headersFound(headers: Headers, schema: ZodObject): Record<string, string | undefined> {
  const found: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) found[name] = headers.get(name) ?? undefined;
  return found;
}

/** JSON.parse, once per answer. */
function jsonOnce(text: string): () => { ok: true; value: unknown } | { ok: false } {
  let parsed: { ok: true; value: unknown } | { ok: false } | undefined;
  return () => {
    if (parsed === undefined) {
      try {
        parsed = { ok: true, value: JSON.parse(text) };
      } catch {
        parsed = { ok: false };
      }
    }
    return parsed;
  };
}

/** An answer documented as a live event stream (its text: what came at once; see route-client.ts). */
const isEventStream = (response: ResponseConfig, headers: Headers): boolean =>
  response.content?.["text/event-stream"] !== undefined && /^text\/event-stream\b/i.test(headers.get("content-type") ?? "");

const isTextPlain = (headers: Headers): boolean => /^text\/plain\b/i.test(headers.get("content-type") ?? "");

function readWith(response: ResponseConfig, answer: RawAnswer, json: ReturnType<typeof jsonOnce>): Reading {
  const headersSchema = headersSchemaOf(response);
  if (headersSchema !== undefined) {
    const headers = headersSchema.safeParse(headersFound(answer.headers, headersSchema));
    if (!headers.success) return { ok: false, why: `its headers break the documented ones (${describeIssue(headers.error)})` };
  }
  if (isEventStream(response, answer.headers)) return { ok: true, body: answer.text };
  const schema = jsonSchemaOf(response);
  if (answer.text === "") {
    return schema === undefined || bodyIsOptional(response) ? { ok: true, body: undefined } : { ok: false, why: "the body is empty where a JSON body is documented" };
  }
  if (schema === undefined) return { ok: false, why: "a body came where the operation documents none" };
  const parsed = json();
  if (!parsed.ok) {
    // A text/plain answer where a JSON string is documented (some providers send their errors so): the text is the string.
    const text = isTextPlain(answer.headers) ? schema.safeParse(answer.text) : undefined;
    return text?.success === true ? { ok: true, body: text.data } : { ok: false, why: "the body is not JSON" };
  }
  const body = schema.safeParse(parsed.value);
  return body.success ? { ok: true, body: body.data } : { ok: false, why: `it does not match the documented answer (${describeIssue(body.error)})` };
}

/**
 * Reads an answer with the responses documented for its status (the operation's own first, then its
 * provider's pipeline answer): the first that fits gives the body. Throws nothing: says why none fits.
 */
export function readReply(answer: RawAnswer, documented: readonly ResponseConfig[]): { ok: true; reply: AnyReply } | { ok: false; why: string } {
  const json = jsonOnce(answer.text);
  let firstWhy: string | undefined;
  for (const response of documented) {
    const read = readWith(response, answer, json);
    if (read.ok) return { ok: true, reply: { status: answer.status, body: read.body, headers: answer.headers } };
    firstWhy ??= read.why;
  }
  return { ok: false, why: firstWhy ?? `HTTP ${answer.status} is not an answer the operation documents` };
}
