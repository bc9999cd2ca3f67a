import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";
import { parse } from "yaml";

/**
 * Wildberries' own OpenAPI 3.0 files for the Promotion section (../shared/specs, data we never edit),
 * read with `yaml`, every `$ref` resolved in place, response schemas compiled with ajv.
 */

export const SPEC_FILES = {
  "2025-09": "wildberries-promotion-2025-09.yaml",
  "2025-12": "wildberries-promotion-2025-12.yaml",
  "2026-03": "wildberries-promotion-2026-03.yaml",
} as const;
export type SpecName = keyof typeof SPEC_FILES;
export const SPEC_NAMES: readonly SpecName[] = ["2025-09", "2025-12", "2026-03"];

/**
 * test/contracts/specs: byte-for-byte copies of ../shared/specs (see its README for their origin), kept in
 * the repository so a fresh clone checks against them; WB_SPECS_DIR (ending in "/") points elsewhere.
 */
export const SPEC_DIR = process.env.WB_SPECS_DIR ?? fileURLToPath(new URL("./specs/", import.meta.url));

function readSpec(name: SpecName): string {
  const file = `${SPEC_DIR}${SPEC_FILES[name]}`;
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`cannot read the provider spec ${file} (${error instanceof Error ? error.message : String(error)}); set WB_SPECS_DIR to the folder holding ${SPEC_FILES[name]}`);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

/** What a documented response promises: its media types with their schemas (none = an empty body). */
export interface SpecResponse {
  /** media type -> resolved schema (undefined when the media type names no schema). */
  content: Map<string, JsonObject | undefined>;
}

/** Formats the provider's files use that JSON Schema does not define: accepted as any value. */
const NON_STANDARD_FORMATS = ["int32", "int64", "uint", "float", "double", "ISO 8601", "RFC3339", "time-date"];

function unescapePointer(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** One provider spec file, loaded and ready to validate response bodies. */
export class WbSpec {
  private readonly doc: JsonObject;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<JsonObject, ValidateFunction>();
  private readonly responses = new Map<string, SpecResponse | undefined>();

  constructor(
    readonly name: SpecName,
    text: string = readSpec(name),
  ) {
    const doc: unknown = parse(text);
    if (!isObject(doc) || !isObject(doc.paths)) throw new Error(`${SPEC_FILES[name]} is not an OpenAPI document with paths`);
    this.doc = doc;
    // OpenAPI 3.0 schema objects: ajv knows `nullable`; `example`, `x-*` and friends are ignored (strict: false).
    this.ajv = new Ajv({ strict: false, allErrors: true, formats: Object.fromEntries(NON_STANDARD_FORMATS.map((f) => [f, true])) });
    formats.default(this.ajv);
  }

  /** The node a local `$ref` ("#/components/...") points at. */
  private target(ref: string): Json {
    if (!ref.startsWith("#/")) throw new Error(`${SPEC_FILES[this.name]}: only local $refs are supported, got ${ref}`);
    let node: Json = this.doc;
    for (const token of ref.slice(2).split("/").map(unescapePointer)) {
      if (!isObject(node) || !(token in node)) throw new Error(`${SPEC_FILES[this.name]}: $ref ${ref} points at nothing`);
      node = node[token] ?? null;
    }
    return node;
  }

  /** A deep copy of `node` with every `$ref` replaced by what it points at (a cycle is an error). */
  resolve(node: Json, trail: readonly string[] = []): Json {
    if (Array.isArray(node)) return node.map((item) => this.resolve(item, trail));
    if (!isObject(node)) return node;
    const ref = node.$ref;
    if (typeof ref === "string") {
      if (trail.includes(ref)) throw new Error(`${SPEC_FILES[this.name]}: $ref cycle ${[...trail, ref].join(" -> ")}`);
      return this.resolve(this.target(ref), [...trail, ref]);
    }
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      // Examples are documentation, never validated; leaving them out keeps schemas small.
      if (key === "example" || key === "examples") continue;
      Object.defineProperty(out, key, { value: this.resolve(value, trail), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  /**
   * The schema made exact: every object that lists `properties` requires all of them and allows no
   * other, unless the file says otherwise (its own `required` is widened, an explicit
   * `additionalProperties` is kept). The provider's files rarely say either, so without this a missing
   * documented field or an undocumented extra one would pass unnoticed.
   */
  exact(node: Json): Json {
    if (Array.isArray(node)) return node.map((item) => this.exact(item));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      const exactValue = key === "properties" && isObject(value) ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, this.exact(schema)])) : this.exact(value);
      Object.defineProperty(out, key, { value: exactValue, enumerable: true, writable: true, configurable: true });
    }
    const properties = node.properties;
    if (isObject(properties)) {
      out.required = Object.keys(properties);
      if (!("additionalProperties" in node)) out.additionalProperties = false;
    }
    return out;
  }

  /** The operation object, or undefined when the file does not document `verb path`. */
  operation(verb: string, path: string): JsonObject | undefined {
    const paths = this.doc.paths;
    const item = isObject(paths) ? paths[path] : undefined;
    const op = isObject(item) ? item[verb.toLowerCase()] : undefined;
    return isObject(op) ? op : undefined;
  }

  /** The documented statuses of `verb path` ("200", "204", ...). */
  statuses(verb: string, path: string): string[] {
    const responses = this.operation(verb, path)?.responses;
    return isObject(responses) ? Object.keys(responses) : [];
  }

  /** The documented response for `status`, or undefined when the spec does not list that status. */
  response(verb: string, path: string, status: number): SpecResponse | undefined {
    const key = `${verb.toUpperCase()} ${path} ${status}`;
    if (!this.responses.has(key)) this.responses.set(key, this.readResponse(verb, path, status));
    return this.responses.get(key);
  }

  private readResponse(verb: string, path: string, status: number): SpecResponse | undefined {
    const responses = this.operation(verb, path)?.responses;
    if (!isObject(responses)) return undefined;
    const raw = responses[String(status)] ?? responses.default;
    if (raw === undefined) return undefined;
    const resolved = this.resolve(raw);
    const content = new Map<string, JsonObject | undefined>();
    const media = isObject(resolved) ? resolved.content : undefined;
    if (isObject(media)) {
      for (const [type, entry] of Object.entries(media)) {
        const schema = isObject(entry) ? entry.schema : undefined;
        const exact = isObject(schema) ? this.exact(schema) : undefined;
        content.set(type, isObject(exact) ? exact : undefined);
      }
    }
    return { content };
  }

  /** Validates `body` against `schema`; the ajv errors (empty when it conforms). */
  validate(schema: JsonObject, body: unknown): ErrorObject[] {
    let validate = this.compiled.get(schema);
    if (validate === undefined) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate(body) ? [] : [...(validate.errors ?? [])];
  }
}
