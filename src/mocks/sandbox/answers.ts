import type { ZodType } from "zod";
import { SandboxError } from "../../contracts/sandbox/error.js";
import type { JsonValue } from "../../state/kernel/json.js";
import type { Answer } from "../http/answer.js";

/** A control-plane answer with its contract (undefined body: none, as DELETE /requests's 204). */
export function reply(status: number, body: JsonValue | undefined, schema: ZodType | undefined): Answer {
  return { status, body, schema };
}

/** `{"error": {"code", "message"}}` with a 4xx (or the last resort's 500). */
export function fail(status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): Answer {
  return { status, body: { error: { code, message } }, schema: SandboxError, headers };
}
