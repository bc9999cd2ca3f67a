import type { RouteTable } from "../../contracts/http/route.js";
import type { ControlTable } from "../../contracts/sandbox/control-table.js";
import type { Call, Handler, Handlers, OpenHandler, OpenHandlers } from "../http/handler.js";

/** A control-plane call's body as its handler receives it: the parsed JSON, or undefined when none was sent. */
export type ControlBody = unknown;
export type ControlCall = Call<ControlBody>;

/**
 * Control-plane calls served under /__sandbox: their table (the sandbox's own, or a provider's, which its
 * plug carries) and a handler for each.
 */
export interface ControlPlug {
  table: ControlTable;
  handlers: Readonly<Record<string, Handler<ControlBody>>>;
  openHandlers: Readonly<Record<string, OpenHandler<ControlBody>>>;
}

/** Control-plane calls from their table and handlers: one handler per call, checked by the compiler. */
export function defineControl<T extends RouteTable>(
  table: ControlTable<T>,
  handlers: Handlers<T, ControlBody>,
  openHandlers: OpenHandlers<T, ControlBody>,
): ControlPlug {
  return { table, handlers, openHandlers };
}

/** Handlers of some calls of a control table, by operation id (defineControl checks that every call has one). */
export type SomeControlHandlers<T extends RouteTable> = { readonly [K in keyof T]?: Handler<ControlBody> };
