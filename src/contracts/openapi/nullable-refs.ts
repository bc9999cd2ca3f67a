/**
 * zod-to-openapi 9 writes `.nullable()` of a registered schema (one with a `.meta({ id })`) as
 * `allOf: [{ $ref }, { type: [..., "null"] }]`. The `$ref` still refuses null, so the allOf never accepts
 * it: every null the sandbox answers there broke the document. This rewrites that pattern, wherever it
 * occurs in a generated document, to what OpenAPI 3.1 means: `anyOf: [<the ref>, { type: "null" }]`.
 */

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** Keywords that describe rather than constrain: they move to the outer schema. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "deprecated", "readOnly", "writeOnly", "default"]);

function isNullableOverlay(node: unknown): node is Node & { type: unknown[] } {
  return isNode(node) && Array.isArray(node.type) && node.type.includes("null");
}

function isBareRef(node: unknown): node is Node & { $ref: string } {
  return isNode(node) && typeof node.$ref === "string" && Object.keys(node).length === 1;
}

/** The allOf of a nullable ref as anyOf [ref (with any extra constraints), null]; annotations go outside. */
function rewrite(node: Node, ref: Node, overlay: Node): void {
  const constraints: Node = {};
  for (const [key, value] of Object.entries(overlay)) {
    if (key === "type") continue;
    if (ANNOTATIONS.has(key)) node[key] = value;
    else constraints[key] = key === "enum" && Array.isArray(value) ? value.filter((item) => item !== null) : value;
  }
  delete node.allOf;
  node.anyOf = [Object.keys(constraints).length === 0 ? ref : { allOf: [ref, constraints] }, { type: "null" }];
}

/** Rewrites every nullable-ref allOf in `document`, in place. */
export function fixNullableRefs(document: unknown): void {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!isNode(value)) return;
    const allOf = value.allOf;
    if (Array.isArray(allOf) && allOf.length === 2) {
      const [ref, overlay] = allOf;
      if (isBareRef(ref) && isNullableOverlay(overlay)) rewrite(value, ref, overlay);
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(document);
}
