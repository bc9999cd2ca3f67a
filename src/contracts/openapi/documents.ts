import type { OpenApiDocument } from "./generate.js";
import { buildMyshareDocument } from "./myshare.js";
import { buildSandboxDocument } from "./sandbox.js";
import { buildWildberriesDocument } from "./wildberries.js";
import { buildYooMoneyDocument } from "./yoomoney.js";

export interface DocumentSpec {
  /** Path under the package root, e.g. openapi/yoomoney.json. */
  file: string;
  build: () => OpenApiDocument;
}

/** Every committed OpenAPI document and how to build it from the contracts. */
export const OPENAPI_DOCUMENTS: readonly DocumentSpec[] = [
  { file: "openapi/yoomoney.json", build: buildYooMoneyDocument },
  { file: "openapi/wildberries.json", build: buildWildberriesDocument },
  { file: "openapi/myshare.json", build: buildMyshareDocument },
  { file: "openapi/sandbox.json", build: buildSandboxDocument },
];
