import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { ErrorResponse } from "./envelope.js";
import { YOOMONEY_BASE_PATH } from "./routes.js";

const retryAfter = z.object({
  "Retry-After": z.string().meta({ description: "Seconds (of the tenant's virtual clock) until the next call is allowed" }),
});
const allow = z.object({ Allow: z.literal("POST") });

/**
 * What the pipeline answers whatever the method, in the error envelope: the body (unreadable, too deep,
 * too large), the token, an unknown method or HTTP method, the rate limit, the last resort.
 */
export const YM_PIPELINE = {
  400: jsonResponse(
    "incorrectData (parameter body): the body is not valid JSON, cannot be read (a Content-Encoding the sandbox cannot decode) or is nested deeper than the sandbox reads",
    ErrorResponse,
  ),
  401: jsonResponse("unauthorized: the token is missing, expired or (with --auth strict) not issued by the sandbox", ErrorResponse),
  404: jsonResponse(`methodNotFound: there is no such method under ${YOOMONEY_BASE_PATH}`, ErrorResponse),
  405: jsonResponse("methodNotFound: the method takes POST only", ErrorResponse, allow),
  413: jsonResponse("incorrectData (parameter body): the body is larger than this method accepts", ErrorResponse),
  429: jsonResponse("tooManyRequests: the tenant's rate limit for this method is used up", ErrorResponse, retryAfter),
  500: jsonResponse("internalError: a sandbox bug; the request journal (GET /__sandbox/requests) shows the call", ErrorResponse),
};
