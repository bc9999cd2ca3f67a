import type { RouteTable } from "../contracts/http/route.js";
import type { OpenApiDocument } from "../contracts/openapi/generate.js";
import type { ProviderModule } from "../state/kernel/provider.js";
import type { SandboxContext } from "./http/context.js";
import type { Dialect } from "./http/dialect.js";
import type { Handlers, OpenHandlers } from "./http/handler.js";
import { createPipeline, type ProviderPipeline } from "./http/pipeline.js";
import type { ControlPlug } from "./sandbox/control-plug.js";
import type { AnyCatalogueState } from "./sandbox/provider-states-catalogue.js";

/**
 * One provider, plugged into the sandbox: everything the server, the OpenAPI command, the CLI help, the
 * health check, the 404 text and the drift tests need of it. `src/providers.ts` lists the plugs.
 */
export interface ProviderPlug {
  /** The name in health, the journal and the state file ("wildberries"). */
  name: string;
  /** Where its API is served, for the 404 text and the help: "Wildberries under /adv/ (and /ping)". */
  servedAt: string;
  /** Its operations, by operation id. */
  routes: RouteTable;
  /** Its domain: timers and state snapshot. */
  state: ProviderModule;
  /** Its API on a sandbox: the pipeline in its dialect with its handlers. */
  pipeline(ctx: SandboxContext): ProviderPipeline;
  /** Its control-plane calls (served under /__sandbox, documented in openapi/sandbox.json), if it has any. */
  control?: ControlPlug;
  /** Its Pact provider states (src/mocks/<provider>/provider-states.ts), set up by POST /__sandbox/provider-states. */
  providerStates?: readonly AnyCatalogueState[];
  /** Its OpenAPI document: the committed file and how to build it. */
  openapi: { file: string; build(): OpenApiDocument };
}

export interface PlugParts<T extends RouteTable, B> {
  name: string;
  servedAt: string;
  routes: T;
  handlers: Handlers<T, B>;
  openHandlers: OpenHandlers<T, B>;
  dialect(ctx: SandboxContext): Dialect<B, Extract<keyof T, string>>;
  state: ProviderModule;
  control?: ControlPlug;
  providerStates?: readonly AnyCatalogueState[];
  openapi: { file: string; build(): OpenApiDocument };
}

/** A plug from its parts: the handlers are checked against the route table (one per operation). */
export function definePlug<T extends RouteTable, B>(parts: PlugParts<T, B>): ProviderPlug {
  const { handlers, openHandlers, dialect, ...rest } = parts;
  return {
    ...rest,
    pipeline: (ctx) => createPipeline(ctx, { routes: parts.routes, handlers, openHandlers, dialect: dialect(ctx) }),
  };
}
