import { zodToOpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { SandboxJson } from "../sandbox/scalars.js";

const ANY_JSON_TYPE: ("null" | "boolean" | "number" | "string" | "array" | "object")[] = [
  "null",
  "boolean",
  "number",
  "string",
  "array",
  "object",
];

/**
 * `z.json()` is a recursive lazy schema that the generator cannot walk (it recurses until the stack
 * overflows). Describing SandboxJson up front as "any JSON type" makes the generator take it as given;
 * copies made with `.meta()` inherit the description through zod's registry parents.
 */
export function describeJsonValues(): void {
  zodToOpenAPIRegistry.add(SandboxJson, { type: ANY_JSON_TYPE });
}
