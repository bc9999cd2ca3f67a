import type { RouteTable } from "../../contracts/http/route.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "./answer.js";
import { bodyReader, type BodyReader } from "./body-reader.js";
import type { SandboxContext } from "./context.js";
import type { Dialect } from "./dialect.js";
import type { Exchange } from "./exchange.js";
import { firstValues } from "./exchange.js";
import { applyFault } from "./fault-step.js";
import { addFaultTarget } from "./fault-targets.js";
import type { Handler, OpenHandler } from "./handler.js";
import { logInternalError } from "./internal-error.js";
import { nearestOperation } from "./nearest-operation.js";
import { compileRoutes, type RouteMatch } from "./route-matcher.js";
import { resettleAfterLongJobs, untilIdle, whenIdle } from "./tenant-queue.js";
import { writeAnswer, type JournalCall } from "./write-answer.js";

/** One provider's requests, served: `owns` says which paths are its, `serve` answers one of them. */
export interface ProviderPipeline {
  provider: string;
  owns(path: string): boolean;
  /** Answers the call, whatever happens (a sandbox bug answers the dialect's 500); never rejects. */
  serve(exchange: Exchange): Promise<void>;
}

export interface PipelineParts<T extends RouteTable, B> {
  routes: T;
  handlers: Readonly<Record<string, Handler<B>>>;
  openHandlers: Readonly<Record<string, OpenHandler<B>>>;
  dialect: Dialect<B, Extract<keyof T, string>>;
}

function decodedParams(params: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(params)) {
    try {
      out[name] = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return out;
}

/**
 * The one request pipeline every provider runs, in its own dialect: match the route (or answer 404/405),
 * the token (401), the tenant's long jobs and due timers, the rate limit (429), the body (each provider's
 * reader and answers), the handler, and the answer (checked, journaled, sent).
 */
export function createPipeline<T extends RouteTable, B>(ctx: SandboxContext, parts: PipelineParts<T, B>): ProviderPipeline {
  type Id = Extract<keyof T, string>;
  const { routes, dialect } = parts;
  const lookup = compileRoutes(routes);
  const handlers = new Map(Object.entries(parts.handlers));
  const openHandlers = new Map(Object.entries(parts.openHandlers));
  const readers = new Map<number, BodyReader>();
  const readerFor = (id: Id | undefined): BodyReader => {
    const limit = dialect.bodyLimit(id);
    let reader = readers.get(limit);
    if (reader === undefined) {
      reader = bodyReader(limit);
      readers.set(limit, reader);
    }
    return reader;
  };
  const registry = ctx.registry;
  const journaled = dialect.journal === false ? undefined : dialect.provider;
  /** Each call in flight, what the journal notes of it beyond the exchange (set when `serve` starts it). */
  const calls = new WeakMap<Exchange, JournalCall>();
  const callOf = (exchange: Exchange): JournalCall => {
    let call = calls.get(exchange);
    if (call === undefined) {
      call = { started: performance.now(), operation: undefined, nearestOperation: undefined, fault: undefined };
      calls.set(exchange, call);
    }
    return call;
  };
  const send = (exchange: Exchange, answer: Answer) => writeAnswer(ctx, exchange, journaled, answer, callOf(exchange));
  /** A 405 names an operation of the path called; a 404 the operation whose path is fewest edits away. */
  const noteNearest = (exchange: Exchange, path: string, match: Exclude<RouteMatch<Id>, { kind: "route" }>): void => {
    const method = match.kind === "method" ? match.allow[0] : undefined;
    const same = method === undefined ? undefined : lookup(method, path);
    callOf(exchange).nearestOperation = same?.kind === "route" ? same.id : nearestOperation(routes, path);
  };
  const cause = dialect.cause ?? "request";
  const faultable = dialect.faults !== false;
  if (faultable) {
    const routePathOf = (path: string): string => dialect.routePath?.(path) ?? path;
    addFaultTarget(registry, { provider: dialect.provider, routes, routePath: routePathOf, lookup: (method, path) => lookup(method, routePathOf(path)), owns: dialect.owns });
  }

  const authenticate = (exchange: Exchange): { ok: true; tenant: Tenant } | { ok: false; answer: Answer } => {
    const refused = dialect.refuseToken?.(exchange);
    if (refused !== undefined) return { ok: false, answer: refused };
    const auth = registry.authenticate(exchange.req.headers.authorization);
    if (!auth.ok) return { ok: false, answer: dialect.unauthorized(exchange, auth.reason) };
    exchange.tenant = auth.tenant;
    return auth;
  };

  /** Reads and parses the body: the body, or undefined after answering a broken one. */
  const readBody = async (exchange: Exchange, id: Id | undefined, tenant: Tenant | undefined): Promise<{ body: B } | undefined> => {
    const reading = readerFor(id)(exchange.req, exchange.res);
    const read = reading instanceof Promise ? await reading : reading;
    // A long job of the tenant that started while the body came finishes before the call acts.
    if (tenant !== undefined && whenIdle(tenant) !== undefined) await resettleAfterLongJobs(tenant, cause);
    const parsed = await dialect.parse(read, id, exchange);
    if (!parsed.ok) {
      send(exchange, parsed.answer);
      return undefined;
    }
    exchange.journalBody = parsed.journal;
    return { body: parsed.body };
  };

  /** A path that is not served, or not with this method. */
  const miss = async (exchange: Exchange, match: Exclude<RouteMatch<Id>, { kind: "route" }>, known: Tenant | undefined): Promise<void> => {
    let tenant = known;
    // A valid token's tenant journals the miss (with its nearest operation), whether or not the dialect checks tokens on misses;
    // a token the dialect refuses (the control plane's admin token) names no tenant here either.
    if (tenant === undefined && (journaled !== undefined || dialect.readsMissedBodies === true) && dialect.refuseToken?.(exchange) === undefined) {
      const auth = registry.authenticate(exchange.req.headers.authorization);
      if (auth.ok) {
        tenant = auth.tenant;
        exchange.tenant = tenant;
      }
    }
    if (dialect.readsMissedBodies === true && tenant !== undefined && (await readBody(exchange, undefined, tenant)) === undefined) return;
    send(exchange, match.kind === "method" ? dialect.methodNotAllowed(exchange, match.allow) : dialect.notFound(exchange, lookup));
  };

  const run = async (exchange: Exchange): Promise<void> => {
    let tenant: Tenant | undefined;
    if (dialect.tokenFirst?.(exchange) === true) {
      const auth = authenticate(exchange);
      if (!auth.ok) return send(exchange, auth.answer);
      tenant = auth.tenant;
    }
    const routePath = dialect.routePath?.(exchange.path) ?? exchange.path;
    const match = lookup(exchange.method, routePath);
    if (match.kind === "route") callOf(exchange).operation = match.id;
    else noteNearest(exchange, routePath, match);
    if (match.kind === "none" || (match.kind === "method" && dialect.methodCheck !== "afterLimit")) return miss(exchange, match, tenant);
    const id = match.kind === "route" ? match.id : undefined;

    const open = id === undefined ? undefined : openHandlers.get(id);
    if (open !== undefined && match.kind === "route") {
      const params = decodedParams(match.params);
      if (params === undefined) return send(exchange, dialect.badPathParameter(exchange));
      const read = await readBody(exchange, id, undefined);
      if (read === undefined) return;
      const answer = await open({ registry, params, query: firstValues(exchange.query), body: read.body, exchange });
      return send(exchange, answer);
    }

    if (tenant === undefined) {
      const auth = authenticate(exchange);
      if (!auth.ok) return send(exchange, auth.answer);
      tenant = auth.tenant;
    }
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    tenant.settleFor(cause);
    // A failing gateway answers before the service counts the call: faults come before the rate limit.
    if (faultable && match.kind === "route" && tenant.peekFaults()?.empty === false) {
      if (await applyFault(exchange, tenant, dialect, cause, callOf(exchange), match.id, routePath, (answer) => send(exchange, answer), ctx.logger)) return;
    }

    let passed: Readonly<Record<string, string>> | undefined;
    const found = tenant.settings.rateLimits === "enforce" ? dialect.rateLimit(exchange.method === "HEAD" ? "GET" : exchange.method, id) : undefined;
    if (found !== undefined) {
      const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
      if (!decision.allowed) return send(exchange, dialect.tooManyRequests(exchange, tenant, { key: found.key, decision }));
      passed = dialect.passedLimit?.(decision);
    }
    if (match.kind === "method") return send(exchange, dialect.methodNotAllowed(exchange, match.allow));

    const handler = handlers.get(match.id);
    if (handler === undefined) throw new Error(`no handler for operation ${match.id}`);
    const params = decodedParams(match.params);
    if (params === undefined) return send(exchange, dialect.badPathParameter(exchange));
    const read = await readBody(exchange, match.id, tenant);
    if (read === undefined) return;
    const answer = await handler({ tenant, registry, params, query: firstValues(exchange.query), body: read.body, exchange });
    send(exchange, passed === undefined ? answer : { ...answer, headers: { ...passed, ...answer.headers } });
  };

  return {
    provider: dialect.provider,
    owns: (path) => dialect.owns(path),
    async serve(exchange) {
      callOf(exchange);
      try {
        await run(exchange);
      } catch (error) {
        // The last resort: a sandbox bug answers the provider's 500, is logged with its stack, and the process keeps serving.
        logInternalError(ctx.logger, exchange, error);
        if (exchange.res.headersSent) return void exchange.res.end();
        send(exchange, dialect.internalError(exchange, error));
      }
    },
  };
}
