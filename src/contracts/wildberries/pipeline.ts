import { z } from "zod";
import { jsonResponse } from "../http/responses.js";
import { WbGatewayError } from "./errors.js";

const limited = z.object({
  "X-Ratelimit-Retry": z.string().meta({ description: "Seconds (tenant's virtual clock) until the next call can pass" }),
  "X-Ratelimit-Limit": z.string().meta({ description: "The method's burst" }),
  "X-Ratelimit-Reset": z.string().meta({ description: "Seconds until the burst is full again" }),
});

/**
 * What the gateway answers whatever the method, as its own error object: an unreadable, too deep or too
 * large body, the token, an unknown path or HTTP method, the rate limit, the last resort. A method's own 400 or 404 body stays documented beside it.
 */
export const WB_PIPELINE = {
  400: jsonResponse("The gateway's object: the body cannot be read (a Content-Encoding the sandbox cannot decode) or is nested deeper than the sandbox reads", WbGatewayError),
  401: jsonResponse(
    'The token is missing, expired or (with --auth strict) not issued by the sandbox; a Wildberries-style JWT (claims `s`, `exp`) also when its `exp` has passed on the tenant\'s clock, or "token scope not allowed": no Promotion category (bit 6 of `s`), or read-only (bit 30) on a method that writes',
    WbGatewayError,
  ),
  404: jsonResponse("path not found: no method at this path (an unknown path under /adv/)", WbGatewayError),
  405: jsonResponse("method not allowed: the path takes another HTTP method (see Allow)", WbGatewayError, z.object({ Allow: z.string() })),
  413: jsonResponse("request entity too large: the body is larger than this method accepts", WbGatewayError),
  429: jsonResponse("The method's rate limit for this seller is used up (a 429 costs nothing)", WbGatewayError, limited),
  500: jsonResponse("internal server error: a sandbox bug; the request journal (GET /__sandbox/requests) shows the call", WbGatewayError),
};
