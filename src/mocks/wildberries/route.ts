import type { WbOperationId } from "../../contracts/wildberries/routes.js";
import type { Call, Handler } from "../http/handler.js";

/** A Wildberries method's body: the parsed JSON, or `malformed` (each method answers an unreadable body its own way). */
export interface WbBody {
  /** The parsed JSON body; undefined when there was none or it was not JSON (see `malformed`). */
  value: unknown;
  /** The body was sent but is not JSON (or nests deeper than the sandbox reads). */
  malformed: boolean;
}

/** One call to a Wildberries method, after auth, due timers and the rate limit. */
export type WbCall = Call<WbBody>;
export type WbHandler = Handler<WbBody>;

/** Handlers of some Wildberries methods, by operation id (index.ts checks that every method has one). */
export type WbHandlers = { readonly [K in WbOperationId]?: WbHandler };
