import { z } from "zod";
import { detail, notFound } from "./routes/responses.js";

const unauthorized = detail(
  "Authentication credentials were not provided. (no token) or Invalid token. (--auth strict)",
  z.object({ "WWW-Authenticate": z.literal("Token") }),
);
const throttled = detail(
  "Request was throttled. Expected available in N seconds. (the tenant's rate limit, on its virtual clock)",
  z.object({ "Retry-After": z.string().meta({ description: "Seconds" }) }),
);
const unsupported = detail('Unsupported media type "<Content-Type>" in request. (JSON and form bodies are read)');

/**
 * What Django REST Framework answers whatever the view, as `{"detail"}`: an unreadable, too deep or too
 * large body (400), the token (401), an unknown path or id (404), the HTTP method (405, with the path's
 * Allow), a media type it does not parse (415), the throttle (429), the last resort (500). (A path
 * without its trailing slash is Django's 301, written in the document's description: it is no
 * operation's answer.) openapi/myshare.json writes each path's own Allow into its 405.
 */
export const MS_PIPELINE = {
  400: detail('"JSON parse error - <Python\'s json message>" (also for a body nested deeper than the sandbox reads or a Content-Encoding it cannot decode), or "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."'),
  401: unauthorized,
  404: notFound,
  405: detail(`Method "X" not allowed. (Allow lists the methods the path takes)`, z.object({ Allow: z.string() })),
  415: unsupported,
  429: throttled,
  500: detail("A server error occurred. (a sandbox bug; the request journal, GET /__sandbox/requests, shows the call)"),
};
