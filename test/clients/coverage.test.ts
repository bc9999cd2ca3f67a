import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createMyshareClient, MS_PIPELINE } from "../../src/clients/myshare/index.js";
import type { ResponsesByStatus } from "../../src/clients/route-client-types.js";
import { CONTROL_PIPELINE, createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { createWildberriesClient, WB_PIPELINE } from "../../src/clients/wildberries/index.js";
import { createYooMoneyClient, YM_PIPELINE } from "../../src/clients/yoomoney/index.js";
import type { RouteTable } from "../../src/contracts/http/route.js";
import { MS_CONTROL } from "../../src/contracts/myshare/control.js";
import { MS_ROUTES } from "../../src/contracts/myshare/routes.js";
import { SANDBOX_CONTROL } from "../../src/contracts/sandbox/routes.js";
import { WB_CONTROL } from "../../src/contracts/wildberries/control.js";
import { WB_ROUTES } from "../../src/contracts/wildberries/routes.js";
import { YM_CONTROL } from "../../src/contracts/yoomoney/control.js";
import { YM_ROUTES } from "../../src/contracts/yoomoney/routes.js";
import { PROVIDERS } from "../../src/providers.js";

const options = { baseUrl: "http://clients.test" };

/** Each client, the tables it is generated from, and the committed OpenAPI document that serves the same calls. */
const CLIENTS = [
  { name: "wildberries", client: createWildberriesClient(options), tables: [WB_ROUTES], pipeline: WB_PIPELINE, document: "openapi/wildberries.json" },
  { name: "yoomoney", client: createYooMoneyClient(options), tables: [YM_ROUTES], pipeline: YM_PIPELINE, document: "openapi/yoomoney.json" },
  { name: "myshare", client: createMyshareClient(options), tables: [MS_ROUTES], pipeline: MS_PIPELINE, document: "openapi/myshare.json" },
  {
    name: "control plane",
    client: createSandboxControlClient(options),
    tables: [SANDBOX_CONTROL.routes, WB_CONTROL.routes, YM_CONTROL.routes, MS_CONTROL.routes],
    pipeline: CONTROL_PIPELINE,
    document: "openapi/sandbox.json",
  },
] as const;

const methodsOf = (client: object): string[] => Object.keys(client).filter((key) => typeof Reflect.get(client, key) === "function").sort();
const idsOf = (tables: readonly RouteTable[]): string[] => tables.flatMap((table) => Object.keys(table)).sort();

const OpenApiOperations = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) });

const Operation = z.object({ operationId: z.string(), responses: z.record(z.string(), z.unknown()) });

/** Every operation of a committed OpenAPI document: its id and the statuses it documents. */
function documentedOperations(file: string): { id: string; statuses: string[] }[] {
  const document = OpenApiOperations.parse(JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8")));
  return Object.values(document.paths)
    .flatMap((operations) => Object.values(operations))
    .flatMap((operation) => {
      const parsed = Operation.safeParse(operation);
      return parsed.success ? [{ id: parsed.data.operationId, statuses: Object.keys(parsed.data.responses).sort() }] : [];
    })
    // The same order as the plain sort() of the ids beside it (localeCompare would put setupX before setY).
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Node's own answers (408, 431): no provider's, so the clients throw on them rather than read them. */
const TRANSPORT_STATUSES = new Set(["408", "431"]);

/** The statuses a client reads for an operation: its own and its provider's pipeline answers. */
function clientStatuses(tables: readonly RouteTable[], pipeline: ResponsesByStatus, id: string): string[] {
  const spec = tables.find((table) => Object.hasOwn(table, id))?.[id];
  if (spec === undefined) throw new Error(`no table has ${id}`);
  return [...new Set([...Object.keys(spec.responses), ...Object.keys(pipeline)])].sort();
}

describe("the generated clients cover every operation", () => {
  it.each(CLIENTS)("the $name client has one method per operation of its tables, and no other", ({ client, tables }) => {
    const ids = idsOf(tables);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size, "an operation id is in two tables: one method would hide the other").toBe(ids.length);
    expect(methodsOf(client)).toEqual(ids);
  });

  it.each(CLIENTS)("the $name client has a method for every operation of $document", ({ client, document }) => {
    expect(methodsOf(client)).toEqual(documentedOperations(document).map((operation) => operation.id));
  });

  it.each(CLIENTS)("the $name client reads every status $document documents (but Node's 408 and 431)", ({ tables, pipeline, document }) => {
    const unread = documentedOperations(document).flatMap(({ id, statuses }) => {
      const read = new Set(clientStatuses(tables, pipeline, id));
      return statuses.filter((status) => !TRANSPORT_STATUSES.has(status) && !read.has(status)).map((status) => `${id} ${status}`);
    });
    expect(unread).toEqual([]);
  });

  it("every plugged provider's operations are served by one of the clients", () => {
    const served = new Set(CLIENTS.flatMap(({ client }) => methodsOf(client)));
    const missing = PROVIDERS.flatMap((plug) => Object.keys(plug.routes).filter((id) => !served.has(id)).map((id) => `${plug.name} ${id}`));
    expect(missing).toEqual([]);
  });
});
