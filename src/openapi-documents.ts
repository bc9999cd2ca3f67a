import { buildSandboxDocument } from "./contracts/openapi/sandbox.js";
import type { DocumentSpec } from "./contracts/openapi/documents.js";
import type { ProviderPlug } from "./mocks/plug.js";
import { PROVIDERS } from "./providers.js";

/** The OpenAPI documents of a list of providers: each provider's own, then the control plane's with every provider's calls. */
export function documentsOf(providers: readonly ProviderPlug[]): DocumentSpec[] {
  const controls = providers.flatMap((plug) => (plug.control === undefined ? [] : [plug.control.table]));
  return [...providers.map((plug) => plug.openapi), { file: "openapi/sandbox.json", build: () => buildSandboxDocument(controls) }];
}

/** Every committed OpenAPI document and how to build it from the contracts. */
export const OPENAPI_DOCUMENTS: readonly DocumentSpec[] = documentsOf(PROVIDERS);
