import type { OpenApiDocument } from "./generate.js";

/** One committed OpenAPI document and how to build it from the contracts (src/openapi-documents.ts lists them). */
export interface DocumentSpec {
  /** Path under the package root, e.g. openapi/yoomoney.json. */
  file: string;
  build: () => OpenApiDocument;
}
