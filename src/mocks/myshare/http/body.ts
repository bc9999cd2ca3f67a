import type { BodyError } from "../../http/body-errors.js";
import { nestsDeeperThan } from "../../http/json-depth.js";
import { pythonJsonError } from "./python-json.js";
import { utf8Error } from "./utf8.js";

/**
 * Python's json module refuses nesting deeper than its recursion limit (about 1,000 levels) with this
 * text; the sandbox refuses anything deeper than MAX_JSON_DEPTH with it (docs/fidelity.md).
 */
export const RECURSION_MESSAGE = "maximum recursion depth exceeded while decoding a JSON object from a unicode string";

/** Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB). */
export const BODY_LIMIT_BYTES = 2_621_440;

export type BodyOutcome = { ok: true; data: unknown } | { ok: false; status: 400 | 415; detail: string };

/** The media type of a Content-Type header ("application/json; charset=utf-8" -> "application/json"). */
function mediaType(header: string): string {
  return (header.split(";")[0] ?? "").trim().toLowerCase();
}

/** Form-encoded bodies as Django's QueryDict reads them: the last value of a key, a list when repeated. */
function formData(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const params = new URLSearchParams(text);
  for (const key of new Set(params.keys())) {
    if (key === "__proto__") continue;
    const values = params.getAll(key);
    out[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return out;
}

/**
 * DRF's request.data: no body (or no Content-Type) is `{}`; JSON and form bodies are parsed; any other
 * media type is 415; JSON that Python would refuse is 400 "JSON parse error - <Python's message>".
 */
export function parseBody(header: string | undefined, raw: Buffer | undefined): BodyOutcome {
  if (raw === undefined || header === undefined) return { ok: true, data: {} };
  const type = mediaType(header);
  if (type === "application/json") {
    if (nestsDeeperThan(raw)) return { ok: false, status: 400, detail: `JSON parse error - ${RECURSION_MESSAGE}` };
    const encoding = utf8Error(raw);
    if (encoding !== undefined) return { ok: false, status: 400, detail: `JSON parse error - ${encoding}` };
    const text = raw.toString("utf8");
    const problem = pythonJsonError(text);
    if (problem !== undefined) return { ok: false, status: 400, detail: `JSON parse error - ${problem}` };
    try {
      return { ok: true, data: JSON.parse(text) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : "invalid JSON";
      return { ok: false, status: 400, detail: `JSON parse error - ${reason}` };
    }
  }
  if (type === "application/x-www-form-urlencoded") return { ok: true, data: formData(raw.toString("utf8")) };
  return { ok: false, status: 415, detail: `Unsupported media type "${header}" in request.` };
}

/** Django's answer to a body it cannot take: over DATA_UPLOAD_MAX_MEMORY_SIZE (RequestDataTooBig, a 400), or unreadable. */
export function unreadableDetail(error: BodyError): string {
  if (error.kind === "tooLarge") return "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.";
  if (error.kind === "tooDeep") return `JSON parse error - ${RECURSION_MESSAGE}`;
  return `JSON parse error - ${error.message}`;
}
