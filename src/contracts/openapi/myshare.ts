import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { allowHeader, methodsAt } from "../myshare/allow.js";
import { detail, notFound } from "../myshare/routes/responses.js";
import { MS_ROUTES } from "../myshare/routes.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { TRANSPORT_RESPONSES, type PipelineResponses } from "./pipeline.js";
import { registerRoutes } from "./register-routes.js";

const unauthorized = detail(
  "Authentication credentials were not provided. (no token) or Invalid token. (--auth strict)",
  z.object({ "WWW-Authenticate": z.literal("Token") }),
);
const throttled = detail(
  "Request was throttled. Expected available in N seconds. (the tenant's rate limit, on its virtual clock)",
  z.object({ "Retry-After": z.string().meta({ description: "Seconds" }) }),
);
const methodNotAllowed = (allow: string) => detail(`Method "X" not allowed.`, z.object({ Allow: z.literal(allow) }));
const unsupported = detail('Unsupported media type "<Content-Type>" in request. (JSON and form bodies are read)');

/**
 * What Django REST Framework answers whatever the view, as `{"detail"}`: an unreadable, too deep or too
 * large body (400), the token (401), an unknown path or id (404), the HTTP method (405, with the path's
 * Allow), a media type it does not parse (415), the throttle (429), the last resort (500); and Node's 408
 * for a body that does not arrive in time. (A path without its trailing slash is Django's 301, written in
 * the document's description: it is no operation's answer.)
 */
function pipeline(allow: string): PipelineResponses {
  return {
    400: detail('"JSON parse error - <Python\'s json message>" (also for a body nested deeper than the sandbox reads or a Content-Encoding it cannot decode), or "Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE."'),
    401: unauthorized,
    404: notFound,
    405: methodNotAllowed(allow),
    ...TRANSPORT_RESPONSES,
    415: unsupported,
    429: throttled,
    500: detail("A server error occurred. (a sandbox bug; the request journal, GET /__sandbox/requests, shows the call)"),
  };
}

/** openapi/myshare.json: the myshare affiliate API as the sandbox serves it. */
export function buildMyshareDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "token", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description: "The business partner's token, with no prefix (`Bearer <token>` works too). In open mode any token is a tenant.",
  });
  // One operation at a time: each 405 documents its own path's Allow.
  for (const [id, spec] of Object.entries(MS_ROUTES)) {
    registerRoutes(registry, { [id]: spec }, { security: [{ token: [] }], pipeline: pipeline(allowHeader(methodsAt(MS_ROUTES, spec.path))) });
  }
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "myshare affiliate API, as served by promo-sandbox",
      version: "1",
      description:
        "Django REST Framework: errors are `{\"field\": [\"message\"]}` (400) or `{\"detail\": \"...\"}`. Paths end with a slash; without it GET and every other method get a 301 to the slashed URL. Datetimes are naive ISO (UTC), durations Django's \"D HH:MM:SS\".",
    },
    servers: [
      { url: "https://api.myshare.systems", description: "The real provider" },
      { url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" },
    ],
    tags: [{ name: "catalog" }, { name: "offer" }, { name: "landing" }, { name: "deal" }, { name: "promo" }],
  });
}
