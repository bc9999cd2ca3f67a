import type { MsOperationId } from "../../contracts/myshare/routes.js";
import type { Answer } from "../http/answer.js";
import type { Call, Handler } from "../http/handler.js";

/** A body as DRF's serializer takes it: a JSON object, or DRF's answer to a body that is not one. */
export type RequestObject = { ok: true; body: Readonly<Record<string, unknown>> } | { ok: false; answer: Answer };

/**
 * A myshare call's body, parsed when the view asks for it (DRF's request.data is lazy): a view that
 * answers before it reads the body (a PUT to a missing object: 404) never sees a broken body's error.
 */
export interface MsBody {
  /** The body as an object, or DRF's answer: 400 too large / JSON parse error, 415, "Expected a dictionary". */
  object(): RequestObject;
}

/** One call to a myshare operation, after the token, due timers and the throttle. */
export type MsCall = Call<MsBody>;
export type MsHandler = Handler<MsBody>;

/** Handlers of some myshare operations, by operation id (index.ts checks that every operation has one). */
export type MsHandlers = { readonly [K in MsOperationId]?: MsHandler };

/** The `{id}` of a detail route, decoded ("" on a route without one, which finds nothing). */
export const idOf = (call: MsCall): string => call.params["id"] ?? "";
