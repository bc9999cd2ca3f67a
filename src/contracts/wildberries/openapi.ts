import { OpenAPIRegistry, type ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { generateDocument, type OpenApiDocument } from "../openapi/generate.js";
import { WB_ROUTES } from "./routes.js";
import { WB_PIPELINE } from "./pipeline.js";
import { TRANSPORT_RESPONSES } from "../openapi/pipeline.js";
import { registerRoutes } from "../openapi/register-routes.js";

const remaining = z.object({
  "X-Ratelimit-Remaining": z.string().meta({ description: "Calls left in this method's burst (absent with rateLimits: off)" }),
});



/** A method's own answer gains X-Ratelimit-Remaining. */
function withRemaining(response: ResponseConfig): ResponseConfig {
  return { ...response, headers: remaining };
}

function register(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "HeaderApiKey", {
    type: "apiKey",
    in: "header",
    name: "Authorization",
    description:
      "The seller's token, raw (as Wildberries documents) or with `Bearer `. In open mode any token names a seller (tenant). A Wildberries-style JWT (a payload with the category mask `s`) is also held to its claims, its signature unchecked: `exp`, the Promotion category (bit 6) and, on methods that write, the read-only flag (bit 30).",
  });
  registerRoutes(registry, WB_ROUTES, { security: [{ HeaderApiKey: [] }], pipeline: { ...WB_PIPELINE, ...TRANSPORT_RESPONSES }, ownResponse: withRemaining });
}

/** openapi/wildberries.json: the Wildberries Promotion API (December 2024) as the sandbox serves it. */
export function buildWildberriesDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  register(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "Wildberries Promotion API (advert-api), as served by promo-sandbox",
      version: "2024-12",
      description:
        "The seed-era (December 2024) Promotion methods at their real paths. Amounts are whole rubles; times are Moscow (+03:00). Method errors are bare JSON strings, `{\"error\"}` or `{\"message\",\"type\"}` as documented per method; the gateway's object answers 400 (an unreadable body), 401, 404 (unknown path), 405, 413, 429 and 500 on every method.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" }],
  });
}
