import { basename } from "node:path";
import { renderDocument } from "../../contracts/openapi/generate.js";
import type { DocumentSpec } from "../../contracts/openapi/documents.js";
import { API_DOCS_ASSETS } from "../../contracts/sandbox/api-docs.js";
import type { OpenHandler } from "../http/handler.js";
import { fail } from "./answers.js";
import { apiDocsAssetReader, isApiDocsAsset } from "./api-docs-assets.js";
import { apiDocsPage } from "./api-docs-page.js";
import type { ControlBody } from "./control-plug.js";

type DocsHandler = OpenHandler<ControlBody>;

/** The served API docs' calls: the OpenAPI documents, the reference page and its files. */
export interface ApiDocsHandlers {
  getOpenApiDocument: DocsHandler;
  apiDocsPage: DocsHandler;
  apiDocsAsset: DocsHandler;
}

/** "openapi/yoomoney.json" -> "yoomoney": a document is served under its file's name. */
const nameOf = (spec: DocumentSpec): string => basename(spec.file, ".json");

/**
 * `GET /openapi/{document}.json`, `GET /docs` and `GET /docs/{asset}` over `documents` (the sandbox's
 * plugs' documents, src/openapi-documents.ts). A document is built the first time it is asked for and
 * kept for this sandbox, as `npm run openapi` renders it (byte for byte the committed file); the page's
 * files are read once from swagger-ui-dist. No token needed, nothing journaled.
 */
export function apiDocsHandlers(documents: readonly DocumentSpec[]): ApiDocsHandlers {
  const specs = new Map(documents.map((spec) => [nameOf(spec), spec]));
  const names = [...specs.keys()];
  const rendered = new Map<string, string>();
  const readAsset = apiDocsAssetReader();
  const page = apiDocsPage(names);
  return {
    getOpenApiDocument: ({ params }) => {
      const name = params.document ?? "";
      const spec = specs.get(name);
      if (spec === undefined) {
        return fail(404, "not_found", `there is no OpenAPI document "${name}": the documents are ${names.map((known) => `${known}.json`).join(", ")}`);
      }
      let text = rendered.get(name);
      if (text === undefined) {
        text = renderDocument(spec.build());
        rendered.set(name, text);
      }
      return { status: 200, raw: { contentType: "application/json; charset=utf-8", content: text } };
    },
    apiDocsPage: () => ({ status: 200, raw: { contentType: "text/html; charset=utf-8", content: page } }),
    apiDocsAsset: async ({ params }) => {
      const asset = params.asset ?? "";
      if (!isApiDocsAsset(asset)) {
        return fail(404, "not_found", `there is no file "${asset}" of the API reference page: the files are ${Object.keys(API_DOCS_ASSETS).join(", ")}`);
      }
      return { status: 200, raw: { contentType: API_DOCS_ASSETS[asset], content: await readAsset(asset) } };
    },
  };
}
