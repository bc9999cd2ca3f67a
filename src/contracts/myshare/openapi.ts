import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { allowHeader, methodsAt } from "./allow.js";
import { detail } from "./routes/responses.js";
import { MS_ROUTES } from "./routes.js";
import { generateDocument, type OpenApiDocument } from "../openapi/generate.js";
import { MS_PIPELINE } from "./pipeline.js";
import { TRANSPORT_RESPONSES } from "../openapi/pipeline.js";
import { registerRoutes } from "../openapi/register-routes.js";

const methodNotAllowed = (allow: string) => detail(`Method "X" not allowed.`, z.object({ Allow: z.literal(allow) }));

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
    registerRoutes(registry, { [id]: spec }, { security: [{ token: [] }], pipeline: { ...MS_PIPELINE, 405: methodNotAllowed(allowHeader(methodsAt(MS_ROUTES, spec.path))), ...TRANSPORT_RESPONSES } });
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
