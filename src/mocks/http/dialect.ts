import type { HttpMethod } from "../../contracts/http/route.js";
import type { Cause } from "../../state/kernel/events.js";
import type { RateDecision, RateRule } from "../../state/kernel/rate-limit.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { AuthFailure } from "../../state/kernel/tenants.js";
import type { Answer } from "./answer.js";
import type { RawBody } from "./body-reader.js";
import type { Exchange } from "./exchange.js";
import type { RouteMatch } from "./route-matcher.js";

/** A call's bucket: calls with the same key share it. */
export interface RateLimitFound {
  key: string;
  rule: RateRule;
}

/** The body as the handler receives it, or the provider's answer to a body it cannot take. */
export type BodyOutcome<B> = { ok: true; body: B; journal: unknown } | { ok: false; answer: Answer };

/**
 * How one provider speaks where the pipeline (not an operation) answers: its 401, 404, 405, 413, 429 and
 * 500 bodies and headers, its body reader, and the order of its checks. Everything an operation answers
 * itself is its handler's.
 */
export interface Dialect<B, Id extends string> {
  /** The name the journal and the events use. */
  provider: string;
  /** What the changes its calls make are caused by, in the events (default "request"; the control plane's are "control"). */
  cause?: Cause;
  /** false: its answers stay out of the tenant's request journal (the control plane's). Default: journaled. */
  journal?: false;
  /**
   * false: its calls are never faulted (the control plane's). Default: the tenant's faults
   * (`POST /__sandbox/faults`) apply to its served operations.
   */
  faults?: false;
  /**
   * A fault's answer with `status` and no body of its own: the provider's own error body and headers for
   * that status (default: no body).
   */
  faulted?(exchange: Exchange, status: number, tenant: Tenant): Answer;
  /**
   * An answer that refuses the call before its token names a tenant, if any (the control plane refuses
   * its admin token on a tenant's call: in open mode that token would otherwise name a tenant).
   */
  refuseToken?(exchange: Exchange): Answer | undefined;
  /**
   * The tenant a call of an operation that gets no tenant from the pipeline (auth none, admin or optional)
   * acts on, if any: its log records the call (issue 12). Default none: such calls change only
   * registry-level state (tokens, passwords), which the durable store records apart.
   */
  openCallTenant?(exchange: Exchange, id: Id): string | undefined;
  /** Whether a path is this provider's: every request there is answered by it, served or not. */
  owns(path: string): boolean;
  /** The path as looked up in the route table (default: as sent). */
  routePath?(path: string): string;
  /**
   * Calls whose token is checked before their path is looked up (YooMoney: a POST to `<group>/<method>`);
   * every other call is looked up first, so an unknown path or method is answered whatever the token.
   */
  tokenFirst?(exchange: Exchange): boolean;
  /**
   * When a served path is called with another HTTP method: "beforeToken" (default: like an unknown path)
   * or "afterLimit" (Django REST Framework: the view checks it after authentication and throttling).
   */
  methodCheck?: "beforeToken" | "afterLimit";
  /**
   * With a valid token, a call to a path that is not served has its body read first (so the journal shows
   * what was sent) and a broken body answered as such.
   */
  readsMissedBodies?: boolean;
  /** An unknown path (`lookup` finds what another path would: Django's APPEND_SLASH redirect uses it). */
  notFound(exchange: Exchange, lookup: (method: string, path: string) => RouteMatch<Id>): Answer;
  methodNotAllowed(exchange: Exchange, allow: readonly HttpMethod[]): Answer;
  /** A path parameter that is not valid percent-encoding. */
  badPathParameter(exchange: Exchange): Answer;
  unauthorized(exchange: Exchange, reason: AuthFailure): Answer;
  /** The bucket of a call (undefined: not limited); `id` is undefined for a path called with a method it does not take. */
  rateLimit(method: string, id: Id | undefined): RateLimitFound | undefined;
  tooManyRequests(exchange: Exchange, tenant: Tenant, limited: { key: string; decision: Extract<RateDecision, { allowed: false }> }): Answer;
  /** Headers on every answer of a call that passed its rate limit. */
  passedLimit?(decision: Extract<RateDecision, { allowed: true }>): Readonly<Record<string, string>>;
  /** The most bytes an operation's body may have (after inflation). */
  bodyLimit(id: Id | undefined): number;
  /** The body as the handler sees it (may take turns: a very long body parsed in slices). */
  parse(read: RawBody, id: Id | undefined, exchange: Exchange): BodyOutcome<B> | Promise<BodyOutcome<B>>;
  /** A sandbox bug (the stack goes to stderr; `error` is what was thrown). */
  internalError(exchange: Exchange, error: unknown): Answer;
}
