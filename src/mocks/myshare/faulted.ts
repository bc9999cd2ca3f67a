import type { Answer } from "../http/answer.js";
import type { Exchange } from "../http/exchange.js";
import { reasonPhrase } from "../http/reason-phrase.js";
import { detail, NOT_FOUND } from "./answers.js";

/**
 * A fault's answer in Django REST Framework's words: `{"detail": ...}` with DRF's own default detail of the
 * exception for the status (ParseError 400, AuthenticationFailed 401 with WWW-Authenticate: Token,
 * PermissionDenied 403, NotFound 404, MethodNotAllowed 405, NotAcceptable 406, UnsupportedMediaType 415,
 * Throttled 429 with Retry-After: 1, APIException 500); any other status has no DRF exception, so its
 * detail is the standard reason phrase with a full stop ("Service Unavailable.").
 */
export function myshareFault(exchange: Exchange, status: number): Answer {
  switch (status) {
    case 400:
      return detail(400, "Malformed request.");
    case 401:
      return detail(401, "Invalid token.", { "WWW-Authenticate": "Token" });
    case 403:
      return detail(403, "You do not have permission to perform this action.");
    case 404:
      return detail(404, NOT_FOUND);
    case 405:
      return detail(405, `Method "${exchange.method}" not allowed.`);
    case 406:
      return detail(406, "Could not satisfy the request Accept header.");
    case 415:
      return detail(415, `Unsupported media type "${exchange.req.headers["content-type"] ?? ""}" in request.`);
    case 429:
      return detail(429, "Request was throttled. Expected available in 1 second.", { "Retry-After": "1" });
    case 500:
      return detail(500, "A server error occurred.");
    default:
      return detail(status, `${reasonPhrase(status)}.`);
  }
}
