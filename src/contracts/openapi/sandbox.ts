import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import type { ControlTable } from "../sandbox/control-table.js";
import { SANDBOX_CONTROL } from "../sandbox/routes.js";
import { generateDocument, type OpenApiDocument } from "./generate.js";
import { describeJsonValues } from "./json-value.js";
import { registerControlTable } from "./sandbox-route.js";

/** A table whose route names a tag the table does not list would leave the document's tag list incomplete. */
function checkTags(table: ControlTable): void {
  const listed = new Set(table.tags.map((tag) => tag.name));
  for (const [id, spec] of Object.entries(table.routes)) {
    if (!listed.has(spec.tag)) throw new Error(`control-plane call ${id} has tag "${spec.tag}", which its table does not list in tags: add it there`);
  }
}

/**
 * openapi/sandbox.json: the control plane under /__sandbox, its own calls followed by each provider's
 * (`providerControls`, in the order the providers are listed: the caller passes the plugs' control tables,
 * as contracts know no plug).
 */
export function buildSandboxDocument(providerControls: readonly ControlTable[]): OpenApiDocument {
  describeJsonValues();
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description:
      "Chooses the tenant, as for the providers: in open mode any token is a tenant; POST /__sandbox/tokens issues tokens (needed with --auth strict). `Bearer: <token>` is accepted too.",
  });
  registry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description:
      "The sandbox's admin token (--admin-token or PROMO_SANDBOX_ADMIN_TOKEN): it alone names tenants (POST /__sandbox/tokens) and lists them; it acts on no tenant of its own.",
  });
  const tables = [SANDBOX_CONTROL, ...providerControls];
  for (const table of tables) {
    checkTags(table);
    registerControlTable(registry, table);
  }
  return generateDocument(registry, {
    openapi: "3.1.0",
    info: {
      title: "promo-sandbox control plane",
      version: "v1",
      description:
        "The remote control for what the real providers do on their side (moderators, users, time). JSON in and out; errors are 4xx with `{\"error\":{\"code\",\"message\"}}`.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "promo-sandbox (default port)" }],
    tags: tables.flatMap((table) => table.tags.map((tag) => ({ ...tag }))),
  });
}
