import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderDocuments, runOpenApiCommand } from "../../src/openapi-command.js";
import { OPENAPI_DOCUMENTS } from "../../src/openapi-documents.js";
import { renderDocument, type OpenApiDocument } from "../../src/contracts/openapi/generate.js";
import { buildSandboxDocument } from "../../src/contracts/openapi/sandbox.js";
import { buildWildberriesDocument } from "../../src/contracts/wildberries/openapi.js";
import { buildYooMoneyDocument } from "../../src/contracts/yoomoney/openapi.js";
import { SandboxError } from "../../src/contracts/sandbox/error.js";
import { WB_ROUTES } from "../../src/contracts/wildberries/routes.js";
import { YOOMONEY_BASE_PATH } from "../../src/contracts/yoomoney/routes.js";
import { PROVIDERS } from "../../src/providers.js";
import { firstChunk } from "../support/first-chunk.js";
import { makeSandbox } from "../support/sandbox.js";

const HTTP_METHODS = ["get", "put", "post", "patch", "delete"] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

interface Operation {
  path: string;
  method: HttpMethod;
  statuses: string[];
  /** Its answer is a live event stream (text/event-stream): it never ends by itself. */
  streams: boolean;
}

/** Every (path, method) a document declares, with the response statuses it documents. */
function operationsOf(document: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const streams = Object.values(operation.responses ?? {}).some((answer) => "content" in answer && answer.content?.["text/event-stream"] !== undefined);
      out.push({ path, method, statuses: Object.keys(operation.responses ?? {}), streams });
    }
  }
  return out;
}

/** Path parameters that name something fixed (a served document, a file of the docs page): a value that exists. */
const FIXED_PARAMS: Readonly<Record<string, string>> = { document: "sandbox", asset: "swagger-ui.css", file: "app.js" };
/** A concrete URL for a templated path: every {param} becomes 1 (or its FIXED_PARAMS value). */
const concrete = (path: string) => path.replace(/\{([^}]+)\}/g, (_whole, name: string) => FIXED_PARAMS[name] ?? "1");

/** openapi/sandbox.json as the sandbox serves it: its own calls and every served provider's control calls. */
const servedSandboxDocument = () => buildSandboxDocument(PROVIDERS.flatMap((plug) => (plug.control === undefined ? [] : [plug.control.table])));

describe("openapi/*.json", () => {
  it("match the zod contracts (run `npm run openapi` when this fails)", async () => {
    const documents = await renderDocuments();
    expect(documents.map((d) => d.file)).toEqual(["openapi/yoomoney.json", "openapi/wildberries.json", "openapi/myshare.json", "openapi/sandbox.json"]);
    for (const doc of documents) {
      expect(doc.committed, `${doc.file} is not committed: run npm run openapi`).toBeDefined();
      expect(doc.committed === doc.generated, `${doc.file} drifted from the contracts: run npm run openapi`).toBe(true);
    }
  });

  it("are generated the same way every time (stable key order)", () => {
    for (const spec of OPENAPI_DOCUMENTS) expect(renderDocument(spec.build())).toBe(renderDocument(spec.build()));
  });

  it("are OpenAPI 3.1 with 2-space JSON and a trailing newline", async () => {
    for (const doc of await renderDocuments()) {
      expect(doc.generated.endsWith("}\n")).toBe(true);
      expect(doc.generated.split("\n")[1]).toBe('  "openapi": "3.1.0",');
    }
  });
});

describe("openapi --check / --write", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const tempRoot = async () => {
    const dir = await mkdtemp(join(tmpdir(), "openapi-check-"));
    dirs.push(dir);
    return dir;
  };
  const silence = () => {
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    });
    return err;
  };

  it("check fails naming the missing files, write creates them, then check passes", async () => {
    const root = await tempRoot();
    const err = silence();
    expect(await runOpenApiCommand("check", root)).toBe(1);
    expect(err).toEqual(OPENAPI_DOCUMENTS.map((spec) => `${spec.file} is missing: run npm run openapi and commit the result\n`));
    expect(await runOpenApiCommand("write", root)).toBe(0);
    expect(await readFile(join(root, "openapi/sandbox.json"), "utf8")).toBe(renderDocument(servedSandboxDocument()));
    expect(await runOpenApiCommand("check", root)).toBe(0);
  });

  it("check fails naming only the file that drifted", async () => {
    const root = await tempRoot();
    const err = silence();
    await mkdir(join(root, "openapi"));
    for (const spec of OPENAPI_DOCUMENTS) await writeFile(join(root, spec.file), renderDocument(spec.build()));
    await writeFile(join(root, "openapi/sandbox.json"), renderDocument(servedSandboxDocument()).replace("3.1.0", "3.0.0"));
    expect(await runOpenApiCommand("check", root)).toBe(1);
    expect(err).toEqual(["openapi/sandbox.json differs from the zod contracts: run npm run openapi and commit the result\n"]);
  });
});

describe("openapi/yoomoney.json covers what the sandbox serves", () => {
  const document = buildYooMoneyDocument();
  const documented = Object.keys(document.paths ?? {});

  it("documents every method of research/yoomoney.md §4, each once, and nothing else", () => {
    // The method catalogue as the research writes it (not read from the route table the document comes from).
    const catalogue = [
      "users/login",
      "categories/get",
      "campaigns/create",
      "campaigns/update",
      "campaigns/start",
      "campaigns/stop",
      "campaigns/add-pins",
      "campaigns/redeem",
      "campaigns/get",
      "campaigns/info",
      "campaigns/get-all-campaigns",
      "campaigns/get-pins-by-status",
    ];
    expect([...documented].sort()).toEqual(catalogue.map((name) => `${YOOMONEY_BASE_PATH}/${name}`).sort());
  });

  it("serves nothing beyond the documented methods: any other method name is 404 methodNotFound", async () => {
    const sandbox = makeSandbox();
    for (const name of ["campaigns/nothing", "users/logout", "categories/list"]) {
      const res = await request(sandbox.app).post(`${YOOMONEY_BASE_PATH}/${name}`).set("Authorization", "Bearer openapi-probe").send({});
      expect(res.status, name).toBe(404);
      expect(res.body.errors.code, name).toBe("methodNotFound");
    }
  });

  it("documents every method as POST only, with the error envelope beside the 200 result", () => {
    for (const op of operationsOf(document)) {
      expect(op.method, op.path).toBe("post");
      // users/login too: the pipeline's answers are the same for every method.
      expect(op.statuses, op.path).toEqual(["200", "400", "401", "404", "405", "408", "413", "429", "431", "500"]);
    }
    const start = document.paths?.[`${YOOMONEY_BASE_PATH}/campaigns/start`]?.post?.responses?.["200"];
    expect(start?.content?.["application/json"]?.schema).toEqual({
      oneOf: [{ $ref: "#/components/schemas/YmCampaignStateResponse" }, { $ref: "#/components/schemas/YmErrorResponse" }],
    });
  });

  it.each(operationsOf(document).map((op) => [op.path, op] as const))("POST %s answers with a documented status", async (_path, op) => {
    const sandbox = makeSandbox();
    const res = await request(sandbox.app).post(op.path).set("Authorization", "Bearer openapi-probe").send({});
    expect(op.statuses).toContain(String(res.status));
    expect(res.status === 404).toBe(false);
  });
});

describe("openapi/wildberries.json covers what the sandbox serves", () => {
  const document = buildWildberriesDocument();
  const operations = operationsOf(document);

  it("documents every method of research §4 plus /ping, each once, and nothing else", () => {
    const served = Object.values(WB_ROUTES).map((route) => `${route.method} ${route.path}`);
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort()).toEqual([...served].sort());
    expect(operations).toHaveLength(39);
  });

  it("documents the token's 401 and the rate limit's 429 on every method", () => {
    for (const op of operations) expect(op.statuses, `${op.method} ${op.path}`).toEqual(expect.arrayContaining(["200", "401", "429"]));
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s answers an empty call with a documented status",
    async (_name, op) => {
      const sandbox = makeSandbox();
      const res = await request(sandbox.app)[op.method](op.path).set("Authorization", "openapi-probe");
      expect(op.statuses).toContain(String(res.status));
    },
  );
});

describe("openapi/sandbox.json covers what the control plane serves", () => {
  const document = servedSandboxDocument();
  const operations = operationsOf(document);

  it("is built from the control tables of the providers the sandbox serves (src/providers.ts), in their order", () => {
    const committed = OPENAPI_DOCUMENTS.find((spec) => spec.file === "openapi/sandbox.json");
    expect(committed && renderDocument(committed.build())).toBe(renderDocument(document));
  });

  it("documents the generic calls and each provider's helpers", () => {
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`)).toEqual([
      "GET /__sandbox/health",
      "POST /__sandbox/tokens",
      "GET /__sandbox/tenants",
      "POST /__sandbox/provider-states",
      "POST /__sandbox/reset",
      "GET /__sandbox/state",
      "PUT /__sandbox/state",
      "GET /__sandbox/clock",
      "POST /__sandbox/clock/advance",
      "POST /__sandbox/clock/freeze",
      "POST /__sandbox/clock/resume",
      "GET /__sandbox/settings",
      "PATCH /__sandbox/settings",
      "GET /__sandbox/requests",
      "DELETE /__sandbox/requests",
      "GET /__sandbox/requests/count",
      "GET /__sandbox/events",
      "GET /__sandbox/events/stream",
      "GET /__sandbox/faults",
      "POST /__sandbox/faults",
      "DELETE /__sandbox/faults",
      "DELETE /__sandbox/faults/{id}",
      "GET /__sandbox/openapi/{document}.json",
      "GET /__sandbox/docs",
      "GET /__sandbox/docs/{asset}",
      "GET /__sandbox/console",
      "GET /__sandbox/console/{file}",
      "GET /__sandbox/yoomoney/campaigns",
      "POST /__sandbox/yoomoney/campaigns/{ymCampaignId}/moderation",
      "POST /__sandbox/yoomoney/campaigns/{ymCampaignId}/offers",
      "GET /__sandbox/yoomoney/merchant",
      "PUT /__sandbox/yoomoney/merchant",
      "PUT /__sandbox/yoomoney/campaigns/{ymCampaignId}/accept-url",
      "GET /__sandbox/wildberries/overview",
      "GET /__sandbox/wildberries/campaigns/{advertId}/traffic",
      "POST /__sandbox/wildberries/balance",
      "POST /__sandbox/wildberries/campaigns/{advertId}/moderation",
      "POST /__sandbox/wildberries/media-campaigns",
      "POST /__sandbox/wildberries/media-campaigns/{advertId}/moderation",
      "POST /__sandbox/wildberries/media-campaigns/{advertId}/budget",
      "POST /__sandbox/myshare/deals/{id}/rejection",
      "GET /__sandbox/myshare/overview",
      "POST /__sandbox/myshare/partners",
    ]);
  });

  const paths = [...new Set(operations.map((op) => op.path))];
  it.each(paths)("%s takes exactly its documented methods: any other is 405 with them in Allow", async (path) => {
    const sandbox = makeSandbox();
    const documented = operations.filter((op) => op.path === path).map((op) => op.method.toUpperCase());
    const res = await request(sandbox.app).options(concrete(path)).set("Authorization", "Bearer openapi-probe");
    expect(res.status).toBe(405);
    const allowed = String(res.headers.allow).split(", ").filter((method) => method !== "HEAD");
    expect(allowed.sort()).toEqual(documented.sort());
  });

  it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s is served and answers with a documented status",
    async (_name, op) => {
      const sandbox = makeSandbox();
      const call = request(sandbox.app)[op.method](concrete(op.path)).set("Authorization", "Bearer openapi-probe");
      // A live event stream never ends: its first chunk is enough to know it is served.
      const res = await (op.streams ? call.buffer(true).parse(firstChunk) : call);
      const error = SandboxError.safeParse(res.body);
      expect(error.success && error.data.error.code, `${op.method} ${op.path} is documented but not served`).not.toBe("not_found");
      expect(op.statuses).toContain(String(res.status));
    },
  );
});
