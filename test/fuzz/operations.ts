import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { OpenAPIRegistry, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import { vi } from "vitest";
import { ZodType } from "zod";
import { OPENAPI_DOCUMENTS } from "../../src/openapi-documents.js";
import { packageRoot } from "../../src/contracts/openapi/package-root.js";

/** One operation of one committed OpenAPI document, with the zod contracts its request was documented from. */
export interface FuzzOperation {
  /** e.g. "myshare getCatalog": the document's name and the operationId. */
  name: string;
  /** Upper case, e.g. "GET". */
  method: string;
  /** The documented path template, e.g. "/catalog/{id}/". */
  path: string;
  pathParams: readonly string[];
  queryParams: readonly string[];
  /** Whether the document asks for a token (the operation has a security requirement). */
  needsToken: boolean;
  body: ZodType | undefined;
  query: ZodType | undefined;
  params: ZodType | undefined;
}

type JsonRecord = { [key: string]: unknown };

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function arrayAt(record: JsonRecord, key: string): unknown[] {
  const value = record[key];
  return Array.isArray(value) ? value : [];
}

function stringAt(record: JsonRecord, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== "string") throw new Error(`${where} has no string ${key}: regenerate the documents with npm run openapi`);
  return value;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

/** The zod schemas each route was registered with, caught while the documents are built from the contracts. */
function registeredRoutes(): RouteConfig[] {
  const spy = vi.spyOn(OpenAPIRegistry.prototype, "registerPath");
  try {
    for (const spec of OPENAPI_DOCUMENTS) spec.build();
    return spy.mock.calls.map(([route]) => route);
  } finally {
    spy.mockRestore();
  }
}

function zodOrUndefined(value: unknown): ZodType | undefined {
  return value instanceof ZodType ? value : undefined;
}

function bodySchema(route: RouteConfig | undefined): ZodType | undefined {
  const media = route?.request?.body?.content["application/json"];
  return media !== undefined && "schema" in media ? zodOrUndefined(media.schema) : undefined;
}

/**
 * Every operation of every committed OpenAPI document (openapi/*.json), in document order. The list
 * comes from the documents; each operation's request contracts come from its registration, matched by
 * method and path. An operation the registrations do not know is an error (the documents drifted).
 */
export function loadOperations(root: string = packageRoot()): FuzzOperation[] {
  const routes = registeredRoutes();
  const operations: FuzzOperation[] = [];
  for (const spec of OPENAPI_DOCUMENTS) {
    const document: unknown = JSON.parse(readFileSync(join(root, spec.file), "utf8"));
    const paths = isRecord(document) ? document["paths"] : undefined;
    if (!isRecord(paths)) throw new Error(`${spec.file} has no paths: regenerate it with npm run openapi`);
    const documentName = basename(spec.file, ".json");
    for (const [path, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.has(method) || !isRecord(operation)) continue;
        const where = `${spec.file} ${method.toUpperCase()} ${path}`;
        const route = routes.find((r) => r.method === method && r.path === path);
        if (route === undefined) throw new Error(`${where} has no registration in src/contracts/openapi: run npm run openapi`);
        const parameters = arrayAt(operation, "parameters").filter(isRecord);
        const named = (place: string) => parameters.filter((p) => p["in"] === place).map((p) => stringAt(p, "name", where));
        operations.push({
          name: `${documentName} ${stringAt(operation, "operationId", where)}`,
          method: method.toUpperCase(),
          path,
          pathParams: named("path"),
          queryParams: named("query"),
          needsToken: arrayAt(operation, "security").some((requirement) => isRecord(requirement) && Object.keys(requirement).length > 0),
          body: bodySchema(route),
          query: zodOrUndefined(route.request?.query),
          params: zodOrUndefined(route.request?.params),
        });
      }
    }
  }
  return operations;
}
