import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

/**
 * The files of swagger-ui-dist the API reference page loads, served by the sandbox under
 * /__sandbox/docs/{asset} (no CDN: the page works offline). Written once: the route's parameter, the
 * handler's lookup and the page's links all come from this list.
 */
export const API_DOCS_ASSETS = {
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "swagger-ui-standalone-preset.js": "text/javascript; charset=utf-8",
  "swagger-ui.css": "text/css; charset=utf-8",
} as const;
export type ApiDocsAsset = keyof typeof API_DOCS_ASSETS;

/** The media types the assets are served with (without their charset), for the OpenAPI document. */
const ASSET_MEDIA_TYPES = [...new Set(Object.values(API_DOCS_ASSETS).map((type) => type.split(";")[0] ?? type))];

/** `GET /__sandbox/openapi/{document}.json`: a document's name, as its file is named under openapi/. */
export const SandboxOpenApiDocumentParams = z.object({
  document: z.string().meta({ description: "The document's name: a provider's (yoomoney, wildberries, myshare) or sandbox, the control plane's" }),
});

/** `GET /__sandbox/docs/{asset}`: one of the page's files. */
export const SandboxApiDocsAssetParams = z.object({
  asset: z.string().meta({ description: `A file of swagger-ui-dist the page loads: ${Object.keys(API_DOCS_ASSETS).join(", ")}` }),
});

/** An OpenAPI 3.1 document as `npm run openapi` writes it to openapi/<document>.json. */
export const SandboxOpenApiDocument = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "SandboxOpenApiDocument", description: "An OpenAPI 3.1 document, byte for byte the committed openapi/<document>.json" });

/** The reference page: HTML. */
export const apiDocsPageResponse: ResponseConfig = {
  description: "The API reference page (Swagger UI) listing the four documents; ?token= pre-fills the Authorize dialog",
  content: { "text/html": { schema: z.string() } },
};

/** One of the page's files: a script or a style sheet. */
export const apiDocsAssetResponse: ResponseConfig = {
  description: "The file, from the installed swagger-ui-dist",
  content: Object.fromEntries(ASSET_MEDIA_TYPES.map((type) => [type, { schema: z.string() }])),
};
