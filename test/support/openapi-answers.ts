import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { OPENAPI_DOCUMENTS } from "../../src/openapi-documents.js";

/**
 * Checks the sandbox's answers against the committed OpenAPI documents (openapi/*.json), with ajv in the
 * JSON Schema 2020-12 dialect that OpenAPI 3.1 uses, formats on: the documents a user downloads must
 * accept every answer the sandbox gives, not only the zod contracts they are generated from.
 */

/** One answer as it left the sandbox. `path` is the request path without the query. */
export interface OpenApiAnswer {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  body: string | undefined;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

const HTTP_METHODS = ["get", "put", "post", "patch", "delete", "options", "head", "trace"] as const;

/** What the server's last-resort 404 (a path no provider owns) answers in: the control plane's error shape. */
const FALLBACK_DOCUMENT = "openapi/sandbox.json";

interface PathEntry {
  template: string;
  pattern: RegExp;
  templated: boolean;
  /** lower-case method -> the operation's responses object */
  operations: Map<string, JsonObject>;
}

interface LoadedDocument {
  file: string;
  /** The $id its components are registered under in ajv. */
  id: string;
  paths: PathEntry[];
  /** Path prefixes this document's provider owns (derived from its paths), e.g. "/adv/", "/ping". */
  prefixes: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "/catalog/{id}/" -> /^\/catalog\/[^/]+\/$/ (matched against the raw, still percent-encoded path). */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[^}]+\}/).map(escapeRegExp);
  return new RegExp(`^${parts.join("[^/]+")}$`);
}

/**
 * The prefixes a document owns: its paths grouped by first segment, each group's longest common prefix
 * cut back to a "/" ("/adv/v0/..." and "/adv/v1/..." give "/adv/"); a group of one path owns that path.
 */
function ownedPrefixes(templates: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const template of templates) {
    const first = template.split("/")[1] ?? "";
    groups.set(first, [...(groups.get(first) ?? []), template]);
  }
  const prefixes: string[] = [];
  for (const group of groups.values()) {
    const [head = "", ...rest] = group;
    if (rest.length === 0) {
      prefixes.push(head);
      continue;
    }
    let common = head;
    for (const other of rest) while (!other.startsWith(common)) common = common.slice(0, -1);
    prefixes.push(common.slice(0, common.lastIndexOf("/") + 1));
  }
  return prefixes;
}

function owns(prefix: string, path: string): boolean {
  if (prefix.endsWith("/")) return path.startsWith(prefix) || path === prefix.slice(0, -1);
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Every `$ref: "#/..."` made absolute against the document's $id, so a fragment compiles on its own. */
function anchorRefs(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((item) => anchorRefs(item, id));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#") ? `${id}${value}` : anchorRefs(value, id);
  }
  return out;
}

function loadDocument(ajv: Ajv2020, file: string): LoadedDocument {
  const root = new URL(`../../${file}`, import.meta.url);
  const parsed: unknown = JSON.parse(readFileSync(root, "utf8"));
  if (!isObject(parsed) || !isObject(parsed.paths)) throw new Error(`${file} is not an OpenAPI document with paths: run npm run openapi`);
  const id = `https://promo-sandbox.invalid/${file}`;
  ajv.addSchema({ $id: id, components: parsed.components ?? {} }, undefined, undefined, false);
  const paths: PathEntry[] = [];
  for (const [template, item] of Object.entries(parsed.paths)) {
    if (!isObject(item)) continue;
    const operations = new Map<string, JsonObject>();
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isObject(operation) && isObject(operation.responses)) operations.set(method, operation.responses);
    }
    paths.push({ template, pattern: templatePattern(template), templated: template.includes("{"), operations });
  }
  return { file, id, paths, prefixes: ownedPrefixes(paths.map((entry) => entry.template)) };
}

interface Checker {
  ajv: Ajv2020;
  documents: LoadedDocument[];
  validators: Map<string, ValidateFunction>;
}

let loaded: Checker | undefined;

/** The four documents, read and registered once per test file. */
function checker(): Checker {
  if (loaded !== undefined) return loaded;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  formats.default(ajv);
  const documents = OPENAPI_DOCUMENTS.map((spec) => loadDocument(ajv, spec.file));
  loaded = { ajv, documents, validators: new Map() };
  return loaded;
}

/** A documented response: the exact status, else its range ("4XX"), else "default". */
function responseFor(responses: JsonObject, status: number): { key: string; response: JsonObject } | undefined {
  for (const key of [String(status), `${Math.floor(status / 100)}XX`, "default"]) {
    const response = responses[key];
    if (isObject(response)) return { key, response };
  }
  return undefined;
}

function mediaTypeOf(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

interface Located {
  document: LoadedDocument;
  template: string;
  method: string;
  responses: JsonObject;
}

/** Checks the answer's body against one documented response; a line saying what is wrong, or undefined. */
function checkBody(answer: OpenApiAnswer, at: Located, head: boolean): string | undefined {
  const { ajv, validators } = checker();
  const where = `${at.document.file} ${at.method.toUpperCase()} ${at.template} ${answer.status}`;
  const found = responseFor(at.responses, answer.status);
  if (found === undefined) {
    return `${where}: status ${answer.status} is not documented (documented: ${Object.keys(at.responses).join(", ")})`;
  }
  const content = isObject(found.response.content) ? found.response.content : undefined;
  const mediaTypes = content === undefined ? [] : Object.keys(content);
  if (answer.body === undefined || answer.body === "") {
    // HEAD answers carry GET's headers without its body; `x-body-optional` marks a response that may be empty.
    if (head || mediaTypes.length === 0 || found.response["x-body-optional"] === true) return undefined;
    return `${where}: answered with no body, but the document promises ${mediaTypes.join(", ")}`;
  }
  if (content === undefined || mediaTypes.length === 0) {
    return `${where}: the document promises no body, but the answer has one (${answer.contentType ?? "no Content-Type"})`;
  }
  if (answer.contentType === undefined) return `${where}: the answer has a body but no Content-Type`;
  const mediaType = mediaTypeOf(answer.contentType);
  const media = content[mediaType];
  if (!isObject(media)) return `${where}: answered ${mediaType}, but the document promises ${mediaTypes.join(", ")}`;
  if (mediaType !== "application/json") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(answer.body);
  } catch (error) {
    return `${where}: the body is not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const schema = media.schema;
  if (schema === undefined) return undefined;
  const key = `${where.slice(0, -String(answer.status).length)}${found.key}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const anchored = anchorRefs(schema, at.document.id);
    validate = ajv.compile(isObject(anchored) ? anchored : { const: anchored });
    validators.set(key, validate);
  }
  if (validate(value)) return undefined;
  return `${where}: the body breaks the documented schema: ${ajv.errorsText(validate.errors, { dataVar: "body" })}; body ${answer.body.slice(0, 300)}`;
}

/** The declared path the request path matches, concrete paths before templated ones (OpenAPI's rule). */
function findPath(path: string): { document: LoadedDocument; entry: PathEntry } | undefined {
  const { documents } = checker();
  for (const templated of [false, true]) {
    for (const document of documents) {
      const entry = document.paths.find((candidate) => candidate.templated === templated && candidate.pattern.test(path));
      if (entry !== undefined) return { document, entry };
    }
  }
  return undefined;
}

/** Every operation of `entries` that documents `status` itself (the pipeline's answers are on every operation). */
function documenting(document: LoadedDocument, entries: readonly PathEntry[], status: number): Located[] {
  const out: Located[] = [];
  for (const entry of entries) {
    for (const [method, responses] of entry.operations) {
      if (isObject(responses[String(status)])) out.push({ document, template: entry.template, method, responses });
    }
  }
  return out;
}

/** Undefined when one of `candidates` accepts the answer, else what each said (the first few). */
function checkAny(answer: OpenApiAnswer, candidates: readonly Located[], head: boolean): string | undefined {
  const problems = new Set<string>();
  for (const at of candidates) {
    const problem = checkBody(answer, at, head);
    if (problem === undefined) return undefined;
    problems.add(problem);
  }
  return [...problems].slice(0, 3).join(" | ");
}

/**
 * An answer at a path no document declares. Allowed: Django's APPEND_SLASH redirect (301 to the declared
 * slashed path, myshare), and an error of the pipeline that owns the path's prefix (the unknown path's
 * 404, a 401 or 429 that comes before the path is looked up) as that pipeline documents it on its
 * operations; a 404 may also be the server's last-resort 404 for a path no provider owns.
 */
function checkUndeclared(answer: OpenApiAnswer): string | undefined {
  const { documents } = checker();
  const head = answer.method.toUpperCase() === "HEAD";
  const described = `${answer.method.toUpperCase()} ${answer.path} answered ${answer.status}`;
  if (answer.status === 301 && findPath(`${answer.path}/`) !== undefined) {
    return answer.body === undefined || answer.body === "" ? undefined : `${described}: a redirect with a body`;
  }
  if (answer.status < 400) return `${described}, but no OpenAPI document declares this path`;
  const owner = documents.find((document) => document.prefixes.some((prefix) => owns(prefix, answer.path)));
  const fallback = answer.status === 404 ? documents.find((document) => document.file === FALLBACK_DOCUMENT) : undefined;
  const candidates = [owner, fallback].flatMap((document) => (document === undefined ? [] : documenting(document, document.paths, answer.status)));
  if (candidates.length === 0) {
    return `${described}, but no OpenAPI document declares this path${owner === undefined ? "" : ` and ${owner.file} documents no ${answer.status} on any operation`}`;
  }
  const problem = checkAny(answer, candidates, head);
  return problem === undefined ? undefined : `${described} at a path no document declares, and not as its pipeline's ${answer.status}: ${problem}`;
}

/**
 * Checks one answer against openapi/*.json: finds the operation by method and path template (HEAD is
 * GET without a body), the response by status (or its range, or `default`), and validates the JSON body.
 * Returns undefined when the documents accept the answer, else one line naming the document, operation,
 * status and what failed.
 */
export function checkAnswerAgainstOpenApi(answer: {
  method: string;
  path: string;
  status: number;
  contentType: string | undefined;
  body: string | undefined;
}): string | undefined {
  const head = answer.method.toUpperCase() === "HEAD";
  const method = head ? "get" : answer.method.toLowerCase();
  // The control plane takes one trailing slash as its path without it (docs/fidelity.md, "Control-plane paths").
  const slashless = answer.path.startsWith("/__sandbox/") && answer.path.endsWith("/") ? answer.path.slice(0, -1) : undefined;
  const found = findPath(answer.path) ?? (slashless === undefined ? undefined : findPath(slashless));
  if (found === undefined) return checkUndeclared(answer);
  const { document, entry } = found;
  const responses = entry.operations.get(method);
  if (responses !== undefined) return checkBody(answer, { document, template: entry.template, method, responses }, head);
  // A method the path does not declare: only the pipeline's errors (405, 401, ...) documented on its operations.
  const undeclared = `${document.file} ${answer.method.toUpperCase()} ${entry.template} ${answer.status}`;
  if (answer.status < 400) return `${undeclared}: the method is not declared on this path, yet it answered ${answer.status}`;
  const candidates = documenting(document, [entry], answer.status);
  if (candidates.length === 0) return `${undeclared}: the method is not declared on this path and no operation of it documents ${answer.status}`;
  return checkAny(answer, candidates, head);
}

/** Collects the mismatches of every answer it is given: pass `onAnswer` to createSandbox, assert `mismatches` is empty. */
export function openApiAnswerRecorder(): { onAnswer: (answer: OpenApiAnswer) => void; mismatches: string[] } {
  const mismatches: string[] = [];
  return {
    mismatches,
    onAnswer(answer) {
      const problem = checkAnswerAgainstOpenApi(answer);
      if (problem !== undefined) mismatches.push(problem);
    },
  };
}
