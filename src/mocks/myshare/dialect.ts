import { allowHeader } from "../../contracts/myshare/allow.js";
import type { MsOperationId } from "../../contracts/myshare/routes.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { Dialect } from "../http/dialect.js";
import { detail, notFound } from "./answers.js";
import { myshareFault } from "./faulted.js";
import { BODY_LIMIT_BYTES } from "./http/body.js";
import { requestData } from "./http/request-data.js";
import { myshareRateLimit } from "./rate-limits.js";
import type { MsBody } from "./route.js";

/** The paths myshare owns: every request there is answered by it, served or not. */
const OWNED = /^\/(?:catalog|offer|landing|deal|promo)(?:\/|$)/;

const AUTH_DETAIL: Record<AuthFailure, string> = {
  missing: "Authentication credentials were not provided.",
  unknown: "Invalid token.",
  expired: "Invalid token.",
};

/**
 * Django REST Framework at the app root: /catalog/, /offer/, /landing/, /deal/, /promo/. The order is
 * DRF's: URL resolution (a path without its trailing slash is redirected, an unknown one is 404), then
 * authentication (401), throttling (429), the method (405), and the view, which reads the body (lazily,
 * as DRF's request.data) only if it gets that far.
 */
export function myshareDialect(): Dialect<MsBody, MsOperationId> {
  return {
    provider: "myshare",
    owns: (path) => OWNED.test(path),
    notFound: (exchange, lookup) => {
      if (lookup(exchange.method, `${exchange.path}/`).kind === "none") return notFound();
      // Django's APPEND_SLASH: a permanent redirect to the slashed URL (query kept), for every method, no body.
      const url = exchange.req.url ?? exchange.path;
      return { status: 301, headers: { Location: `${exchange.path}/${url.slice(exchange.path.length)}` } };
    },
    methodCheck: "afterLimit",
    methodNotAllowed: (exchange, allow) => detail(405, `Method "${exchange.method}" not allowed.`, { Allow: allowHeader(allow) }),
    badPathParameter: () => notFound(),
    unauthorized: (_exchange, reason) => detail(401, AUTH_DETAIL[reason], { "WWW-Authenticate": "Token" }),
    rateLimit: myshareRateLimit,
    tooManyRequests: (_exchange, _tenant, { decision }) => {
      const wait = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return detail(429, `Request was throttled. Expected available in ${wait} ${wait === 1 ? "second" : "seconds"}.`, { "Retry-After": String(wait) });
    },
    faulted: (exchange, status) => myshareFault(exchange, status),
    bodyLimit: () => BODY_LIMIT_BYTES,
    parse: (read, _id, exchange) => ({ ok: true, body: requestData(read, exchange), journal: undefined }),
    internalError: () => detail(500, "A server error occurred."),
  };
}
