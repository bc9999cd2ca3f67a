import type { ErrorCode } from "../../contracts/yoomoney/envelope.js";
import { ErrorResponse } from "../../contracts/yoomoney/envelope.js";
import type { Answer } from "../http/answer.js";
import { reasonPhrase } from "../http/reason-phrase.js";
import { errorBody } from "./errors.js";

/** The envelope's code for a status (the documented codes are business errors; these are the transport ones). */
function codeFor(status: number): ErrorCode {
  if (status === 401) return "unauthorized";
  if (status === 404 || status === 405) return "methodNotFound";
  if (status === 429) return "tooManyRequests";
  return status >= 500 ? "internalError" : "incorrectData";
}

/**
 * A fault's answer in YooMoney's words: the error envelope `{"status":"error","errors":{code, value,
 * description}}` with the code for the status (5xx internalError, 429 tooManyRequests with Retry-After: 1,
 * 401 unauthorized, 404/405 methodNotFound with Allow: POST on a 405, any other 4xx incorrectData) and the
 * standard reason phrase as its description: the envelope of an error body was never published.
 */
export function yoomoneyFault(status: number): Answer {
  const headers: Record<string, string> | undefined = status === 429 ? { "Retry-After": "1" } : status === 405 ? { Allow: "POST" } : undefined;
  return { status, body: errorBody({ code: codeFor(status), detail: reasonPhrase(status) }), schema: ErrorResponse, headers };
}
