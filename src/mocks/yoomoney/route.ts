import type { YmOperationId } from "../../contracts/yoomoney/routes.js";
import type { Call, Handler } from "../http/handler.js";

/**
 * A YooMoney method's body as its handler receives it: any JSON value (an empty body is `{}`), which the
 * method's contract then checks (a body that is not JSON was answered 400 before the handler).
 */
export type YmBody = unknown;

/** One call to a YooMoney method, after its token, due timers, rate limit and body. */
export type YmCall = Call<YmBody>;
export type YmHandler = Handler<YmBody>;

/** Handlers of some YooMoney methods, by operation id (index.ts checks that every method has one). */
export type YmHandlers = { readonly [K in YmOperationId]?: YmHandler };
