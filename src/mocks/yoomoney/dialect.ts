import { ErrorResponse } from "../../contracts/yoomoney/envelope.js";
import { YM_ROUTES, YOOMONEY_BASE_PATH, ymMethodName, type YmOperationId } from "../../contracts/yoomoney/routes.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { Answer } from "../http/answer.js";
import { SMALL_BODY_LIMIT_BYTES } from "../http/body-reader.js";
import type { Dialect } from "../http/dialect.js";
import type { Exchange } from "../http/exchange.js";
import { limitsByOperation } from "../http/rate-limits.js";
import { errorBody, type YmError } from "./errors.js";
import { yoomoneyFault } from "./faulted.js";
import { ADD_PINS_BODY_LIMIT_BYTES } from "./limits.js";
import { methodList } from "./method-list.js";
import { YOOMONEY_RATE_LIMITS } from "./rate-limits.js";
import { parseYmBody } from "./request-body.js";
import type { YmBody } from "./route.js";

const AUTH_MESSAGES: Record<AuthFailure, string> = {
  missing: "No access token: send Authorization: Bearer <access token> (users/login issues one)",
  expired: "The access token has expired; get a new one with users/login",
  unknown: "This access token was not issued by the sandbox (strict auth); get one with users/login or POST /__sandbox/tokens",
};

const METHOD_LIST = methodList(YM_ROUTES);

/** The methods that need no token (users/login), by path. */
const OPEN_PATHS = new Set(Object.values(YM_ROUTES).flatMap((spec) => (spec.auth === "none" ? [spec.path] : [])));

const fail = (status: number, error: YmError, headers?: Record<string, string>): Answer => ({ status, body: errorBody(error), schema: ErrorResponse, headers });

/** The method name a call names ("campaigns/get"), extra slashes at either end trimmed. */
const nameOf = (exchange: Exchange): string => ymMethodName(exchange.path) ?? exchange.path;

/** `<group>/<method>`: one slash, nothing empty on either side. */
const METHOD_SHAPE = /^[^/]+\/[^/]+$/;

function notFound(exchange: Exchange): Answer {
  return fail(404, { code: "methodNotFound", detail: `There is no offer-program method ${nameOf(exchange)}; the methods are ${METHOD_LIST}` });
}

/**
 * The YooMoney offer-program API under /api/offerwall/v1: POST only, JSON in and out, every answer in
 * the status/errors envelope. A POST to `<group>/<method>` has its token checked first (401 before
 * anything else, users/login aside); any other call is looked up first (404/405 whatever the token),
 * a valid token's body still read, so the journal shows it. A method name may carry extra slashes at
 * either end. Each method reads at most its own limit (add-pins a large one, its codes parsed in slices).
 */
export function yoomoneyDialect(): Dialect<YmBody, YmOperationId> {
  return {
    provider: "yoomoney",
    owns: (path) => path === YOOMONEY_BASE_PATH || path.startsWith(`${YOOMONEY_BASE_PATH}/`),
    routePath: (path) => `${YOOMONEY_BASE_PATH}/${ymMethodName(path) ?? path}`,
    tokenFirst: (exchange) => {
      if (exchange.method !== "POST") return false;
      const name = nameOf(exchange);
      return METHOD_SHAPE.test(name) && !OPEN_PATHS.has(`${YOOMONEY_BASE_PATH}/${name}`);
    },
    readsMissedBodies: true,
    notFound,
    methodNotAllowed: (exchange) =>
      fail(405, { code: "methodNotFound", detail: `${nameOf(exchange)} takes POST with a JSON body, not ${exchange.method}` }, { Allow: "POST" }),
    // No YooMoney path has parameters.
    badPathParameter: notFound,
    unauthorized: (_exchange, reason) => fail(401, { code: "unauthorized", detail: AUTH_MESSAGES[reason] }),
    rateLimit: limitsByOperation(YOOMONEY_RATE_LIMITS),
    tooManyRequests: (exchange, _tenant, { decision }) => {
      const retryAfter = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      const detail = `Too many requests to ${nameOf(exchange)}; retry in ${retryAfter} s (virtual time)`;
      return fail(429, { code: "tooManyRequests", detail }, { "Retry-After": String(retryAfter) });
    },
    faulted: (_exchange, status) => yoomoneyFault(status),
    bodyLimit: (id) => (id === "addPins" ? ADD_PINS_BODY_LIMIT_BYTES : SMALL_BODY_LIMIT_BYTES),
    parse: (read, id) => parseYmBody(read, id),
    internalError: () =>
      fail(500, {
        code: "internalError",
        detail: "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)",
      }),
  };
}
