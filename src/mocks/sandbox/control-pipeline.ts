import type { RouteSpec, RouteTable } from "../../contracts/http/route.js";
import type { DocumentSpec } from "../../contracts/openapi/documents.js";
import type { SandboxContext } from "../http/context.js";
import type { Handler, OpenHandler } from "../http/handler.js";
import { createPipeline, type ProviderPipeline } from "../http/pipeline.js";
import type { ControlBody, ControlPlug } from "./control-plug.js";
import { sandboxDialect } from "./dialect.js";
import type { AnyCatalogueState } from "./provider-states-catalogue.js";
import { sandboxControl } from "./sandbox-control.js";

/** The control plane's calls as one table: the sandbox's own, then each provider's; two calls with one id or one path and method are a wiring error. */
function oneTable(controls: readonly ControlPlug[]): RouteTable {
  const routes: Record<string, RouteSpec> = {};
  const served = new Map<string, string>();
  for (const control of controls) {
    for (const [id, spec] of Object.entries(control.table.routes)) {
      if (Object.hasOwn(routes, id)) throw new Error(`two control-plane calls have the operation id "${id}": give one of them another id`);
      const key = `${spec.method} ${spec.path.replace(/\{[^}]+\}/g, "{}")}`;
      const other = served.get(key);
      if (other !== undefined) throw new Error(`control-plane calls "${other}" and "${id}" are both ${spec.method} ${spec.path}: give one of them another path`);
      served.set(key, id);
      routes[id] = spec;
    }
  }
  return routes;
}

/**
 * The control plane under /__sandbox on the one pipeline, in the sandbox's dialect: its own calls and
 * `providerControls` (each plug's control calls), answered by their handlers; `providerStates` is the
 * provider-state catalogue POST /__sandbox/provider-states sets up (every plug's states); `documents` the OpenAPI
 * documents GET /__sandbox/openapi/{document}.json serves (built on first use).
 */
export function controlPipeline(ctx: SandboxContext, providerControls: readonly ControlPlug[], providerStates: readonly AnyCatalogueState[] = [], documents: readonly DocumentSpec[] = []): ProviderPipeline {
  const controls = [sandboxControl(ctx.version, providerStates, documents, () => ctx.calls), ...providerControls];
  const routes = oneTable(controls);
  const handlers: Record<string, Handler<ControlBody>> = {};
  const openHandlers: Record<string, OpenHandler<ControlBody>> = {};
  for (const control of controls) {
    Object.assign(handlers, control.handlers);
    Object.assign(openHandlers, control.openHandlers);
  }
  return createPipeline(ctx, { routes, handlers, openHandlers, dialect: sandboxDialect(ctx, routes) });
}
