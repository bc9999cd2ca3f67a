import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import * as C from "./index.js";
import { YM_ROUTES, YOOMONEY_BASE_PATH } from "./routes.js";
import { generateDocument, type OpenApiDocument } from "../openapi/generate.js";
import { YM_PIPELINE } from "./pipeline.js";
import { TRANSPORT_RESPONSES } from "../openapi/pipeline.js";
import { jsonResponse } from "../http/responses.js";
import { registerRoutes } from "../openapi/register-routes.js";




function register(registry: OpenAPIRegistry): void {
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
    description: "The accessToken from users/login. The sandbox also accepts `Bearer: <token>` and, in open mode, any token (it names a tenant).",
  });

  registerRoutes(registry, YM_ROUTES, { security: [{ bearerAuth: [] }], pipeline: { ...YM_PIPELINE, ...TRANSPORT_RESPONSES } });
}

/** openapi/yoomoney.json: the YooMoney offer-program API as the sandbox serves it. */
export function buildYooMoneyDocument(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  register(registry);
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "YooMoney offer program (offerwall) API, as served by promo-sandbox",
      version: "v1",
      description:
        "Every method is POST with a JSON body. Business errors are HTTP 200 with `{\"status\":\"error\",\"errors\":{code,value,description,parameter?},\"result\"?:{ymCampaignId,campaignStatus}}`; transport errors (400, 401, 404, 405, 413, 429, 500) use the same envelope on every method.",
    },
    servers: [
      { url: "https://yoomoney.ru", description: "The real provider" },
      { url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" },
    ],
    tags: [
      { name: "auth" },
      { name: "categories" },
      { name: "campaigns" },
      { name: "pins" },
      { name: "leads" },
    ],
  });
}
