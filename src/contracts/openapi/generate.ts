import { OpenApiGeneratorV31, type OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { fixNullableRefs } from "./nullable-refs.js";

/** An OpenAPI 3.1 document as the generator builds it. */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
export type DocumentConfig = Parameters<OpenApiGeneratorV31["generateDocument"]>[0];

/**
 * Every zod union becomes `oneOf` (all of ours are exclusive: success | error envelope, string | number,
 * ...) and components are sorted, so a document only changes when a contract does. A nullable
 * registered schema comes out as `anyOf [ref, null]` (see nullable-refs.ts).
 */
export function generateDocument(registry: OpenAPIRegistry, config: DocumentConfig): OpenApiDocument {
  const generator = new OpenApiGeneratorV31(registry.definitions, {
    unionPreferredType: "oneOf",
    sortComponents: "alphabetically",
  });
  const document = generator.generateDocument(config);
  fixNullableRefs(document);
  return document;
}

/** The committed form: 2-space JSON with a trailing newline. */
export function renderDocument(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
