import type { RouteTable } from "../../contracts/http/route.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { Answer } from "./answer.js";
import { setTimeout as sleep } from "node:timers/promises";
import { bodyReader, type BodyReader, type RawBody } from "./body-reader.js";
import { inputOf, rawBodyOf, replayExchange, type CallInput } from "./call-input.js";
import { CallNotRecorded, type RecordWatch } from "./call-log.js";
import { storeUnavailableAnswer } from "./store-unavailable.js";
import type { SandboxContext } from "./context.js";
import type { BodyOutcome, Dialect } from "./dialect.js";
import type { Exchange } from "./exchange.js";
import { firstValues } from "./exchange.js";
import { cutConnection, decideFault } from "./fault-step.js";
import { addFaultTarget } from "./fault-targets.js";
import type { Handler, OpenHandler } from "./handler.js";
import { logInternalError } from "./internal-error.js";
import { SILENT_LOGGER } from "./logger.js";
import { nearestOperation } from "./nearest-operation.js";
import { compileRoutes, type RouteMatch } from "./route-matcher.js";
import { untilIdle, whenIdle } from "./tenant-queue.js";
import { deliverAnswer, journalAnswer, writeAnswer, type JournalCall } from "./write-answer.js";

/** One provider's requests, served: `owns` says which paths are its, `serve` answers one of them. */
export interface ProviderPipeline {
  provider: string;
  owns(path: string): boolean;
  /** Answers the call, whatever happens (a sandbox bug answers the dialect's 500); never rejects. */
  serve(exchange: Exchange): Promise<void>;
  /**
   * Runs a recorded call's step again (a restart's replay, issue 12), its answer discarded. The caller pins
   * the tenant's real time to the entry's and runs the entries of a tenant one after the other.
   */
  replay(input: CallInput): Promise<void>;
}

/** What a call's step ended with: an answer (already journaled, `text` its JSON) or a cut connection, sent after `delayMs`. */
export type Outcome =
  | { kind: "answer"; answer: Answer; text: string | undefined; delayMs: number }
  | { kind: "connection"; connection: "drop" | "reset"; delayMs: number };

/** The route a call matched: the path as looked up, and what it found. */
interface Routed<Id extends string> {
  routePath: string;
  match: RouteMatch<Id>;
}

/** A call before its step: the route it matched, its body as read and as the dialect parsed it. */
interface Prepared<Id extends string, B> extends Routed<Id> {
  raw: RawBody;
  parsed: BodyOutcome<B>;
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
 * The one request pipeline every provider runs, in its own dialect. First, touching no state: match the
 * route (or answer 404/405), name the tenant, read and parse the body (each provider's reader). Then one
 * step in the tenant's turn, recorded in its log first: the token (401), due timers, the faults, the rate
 * limit (429), the body's own error, the handler and the journal entry. The answer is sent once the step's
 * entry is durable (and after a fault's delay).
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

  /** The route a call matches (touching no state). */
  const route = (exchange: Exchange): Routed<Id> => {
    const routePath = dialect.routePath?.(exchange.path) ?? exchange.path;
    return { routePath, match: lookup(exchange.method, routePath) };
  };

  /**
   * Before the step, touching no state: the body read (up to the operation's limit) and parsed by the
   * dialect. `given` is the body as first read, on replay.
   */
  const prepare = async (exchange: Exchange, routed: Routed<Id>, given?: RawBody): Promise<Prepared<Id, B>> => {
    const id = routed.match.kind === "route" ? routed.match.id : undefined;
    let raw = given;
    if (raw === undefined) {
      const reading = readerFor(id)(exchange.req, exchange.res);
      raw = reading instanceof Promise ? await reading : reading;
    }
    const parsing = dialect.parse(raw, id, exchange);
    const parsed = parsing instanceof Promise ? await parsing : parsing;
    return { ...routed, raw, parsed };
  };

  /** The tenant whose log records the call (the one its step acts on), or undefined when it acts on none. */
  const tenantKeyOf = (exchange: Exchange, match: RouteMatch<Id>): string | undefined => {
    if (dialect.refuseToken?.(exchange) !== undefined) return undefined;
    if (match.kind === "route" && openHandlers.has(match.id)) return dialect.openCallTenant?.(exchange, match.id);
    return registry.tenantIdOf(exchange.req.headers.authorization);
  };

  /**
   * The step: everything the call does to its tenant, from its token to its journal entry, on the state as
   * its earlier steps left it. Its answer is journaled here and sent by the caller (after the entry is
   * durable and a fault's delay).
   */
  const step = async (exchange: Exchange, prepared: Prepared<Id, B>): Promise<Outcome> => {
    const call = callOf(exchange);
    let delayMs = 0;
    const answered = (answer: Answer): Outcome => ({ kind: "answer", answer, text: journalAnswer(exchange, journaled, answer, call, delayMs), delayMs });
    const { match, routePath, parsed } = prepared;
    let tenant: Tenant | undefined;
    if (dialect.tokenFirst?.(exchange) === true) {
      const auth = authenticate(exchange);
      if (!auth.ok) return answered(auth.answer);
      tenant = auth.tenant;
    }
    if (match.kind === "route") call.operation = match.id;
    else noteNearest(exchange, routePath, match);
    if (match.kind === "none" || (match.kind === "method" && dialect.methodCheck !== "afterLimit")) {
      // A valid token's tenant journals the miss (with its nearest operation), whether or not the dialect checks tokens on misses;
      // a token the dialect refuses (the control plane's admin token) names no tenant here either.
      if (tenant === undefined && (journaled !== undefined || dialect.readsMissedBodies === true) && dialect.refuseToken?.(exchange) === undefined) {
        const auth = registry.authenticate(exchange.req.headers.authorization);
        if (auth.ok) {
          tenant = auth.tenant;
          exchange.tenant = tenant;
        }
      }
      if (dialect.readsMissedBodies === true && tenant !== undefined) {
        if (!parsed.ok) return answered(parsed.answer);
        exchange.journalBody = parsed.journal;
      }
      return answered(match.kind === "method" ? dialect.methodNotAllowed(exchange, match.allow) : dialect.notFound(exchange, lookup));
    }
    const id = match.kind === "route" ? match.id : undefined;

    const open = id === undefined ? undefined : openHandlers.get(id);
    if (open !== undefined && match.kind === "route") {
      const params = decodedParams(match.params);
      if (params === undefined) return answered(dialect.badPathParameter(exchange));
      if (!parsed.ok) return answered(parsed.answer);
      exchange.journalBody = parsed.journal;
      return answered(await open({ registry, params, query: firstValues(exchange.query), body: parsed.body, exchange }));
    }

    if (tenant === undefined) {
      const auth = authenticate(exchange);
      if (!auth.ok) return answered(auth.answer);
      tenant = auth.tenant;
    }
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    tenant.settleFor(cause);
    // A failing gateway answers before the service counts the call: faults come before the rate limit.
    if (faultable && match.kind === "route" && tenant.peekFaults()?.empty === false) {
      const decision = decideFault(exchange, tenant, dialect, call, match.id, routePath);
      if (decision !== undefined) {
        delayMs = decision.delayMs;
        if (decision.kind === "connection") return decision;
        if (decision.kind === "answer") return answered(decision.answer);
      }
    }

    let passed: Readonly<Record<string, string>> | undefined;
    const found = tenant.settings.rateLimits === "enforce" ? dialect.rateLimit(exchange.method === "HEAD" ? "GET" : exchange.method, id) : undefined;
    if (found !== undefined) {
      const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
      if (!decision.allowed) return answered(dialect.tooManyRequests(exchange, tenant, { key: found.key, decision }));
      passed = dialect.passedLimit?.(decision);
    }
    if (match.kind === "method") return answered(dialect.methodNotAllowed(exchange, match.allow));

    const handler = handlers.get(match.id);
    if (handler === undefined) throw new Error(`no handler for operation ${match.id}`);
    const params = decodedParams(match.params);
    if (params === undefined) return answered(dialect.badPathParameter(exchange));
    if (!parsed.ok) return answered(parsed.answer);
    exchange.journalBody = parsed.journal;
    const answer = await handler({ tenant, registry, params, query: firstValues(exchange.query), body: parsed.body, exchange });
    return answered(passed === undefined ? answer : { ...answer, headers: { ...passed, ...answer.headers } });
  };

  /**
   * A call as it comes: prepared, then its step run in its tenant's turn with the tenant's real time pinned
   * and its entry recorded first; the answer waits until the entry is durable (and a fault's delay).
   */
  const run = async (exchange: Exchange): Promise<void> => {
    const routed = route(exchange);
    let key = tenantKeyOf(exchange, routed.match);
    // A shared store: a token another replica issued (or a login's password) is learned before the tenant is named.
    // (It may also bring back here the tenant of a known token, evicted from this replica's memory: the key is read again.)
    const catching = ctx.calls?.catchUp?.(exchange.req.headers.authorization, key === undefined);
    if (catching !== undefined) await catching;
    if (ctx.calls?.catchUp !== undefined) key = tenantKeyOf(exchange, routed.match);
    // The tenant is in use from now: its idle time starts again, and it is not evicted while the body comes.
    const held = key === undefined ? undefined : registry.peek(key);
    if (held !== undefined) {
      registry.touch(held);
      exchange.tenant = held;
    }
    const prepared = await prepare(exchange, routed);
    // The step names the call's tenant itself (or none: a refused token's call stays out of the journal).
    exchange.tenant = undefined;
    // A token or password the step makes (registry-level records) is durable before the answer.
    const records = ctx.calls?.watchRecords();
    try {
      await stepAndAnswer(exchange, key, prepared, records);
    } finally {
      records?.end();
    }
  };

  /** Runs the call's step (in its tenant's turn when it has one) and answers once what it recorded is durable. */
  const stepAndAnswer = async (exchange: Exchange, key: string | undefined, prepared: Prepared<Id, B>, records: RecordWatch | undefined): Promise<void> => {
    let outcome: Outcome;
    let durable: Promise<void> | undefined;
    if (key === undefined) {
      outcome = await step(exchange, prepared);
    } else {
      outcome = await ctx.steps.run(key, async () => {
        const at = registry.pinnable(key, registry.options.realNow());
        const recorded = ctx.calls?.record(key, at, inputOf(dialect.provider, exchange, prepared.raw));
        durable = recorded?.durable;
        // A shared store: the other replicas' entries before this one are applied first, each at its own time.
        if (recorded?.ready !== undefined) await recorded.ready;
        registry.pin(key, at);
        try {
          return await step(exchange, prepared);
        } finally {
          registry.unpin(key);
        }
      });
    }
    const made = records?.durable();
    if (outcome.delayMs > 0) await Promise.all([durable, made, sleep(outcome.delayMs)]);
    else if (made !== undefined) await Promise.all([durable, made]);
    else if (durable !== undefined) await durable;
    const call = callOf(exchange);
    if (outcome.kind === "connection") cutConnection(exchange, outcome.connection, call, ctx.logger);
    else deliverAnswer(ctx, exchange, outcome.answer, outcome.text, call);
  };

  return {
    provider: dialect.provider,
    owns: (path) => dialect.owns(path),
    async serve(exchange) {
      callOf(exchange);
      try {
        await run(exchange);
      } catch (error) {
        // The store did not record the call: the sandbox's own 503, not the provider's error.
        if (error instanceof CallNotRecorded) {
          // A stopped store logged its failure once, at error; its refusals are in the access log.
          const fields = { method: exchange.method, path: exchange.path, recorded: error.maybeRecorded ? "maybe" : "no" };
          if (error.storeStopped) ctx.logger.debug(fields, error.message);
          else ctx.logger.warn(fields, error.message);
          if (exchange.res.headersSent) return void exchange.res.end();
          const answer = storeUnavailableAnswer(error);
          return deliverAnswer(ctx, exchange, answer, JSON.stringify(answer.body), callOf(exchange));
        }
        // The last resort: a sandbox bug answers the provider's 500, is logged with its stack, and the process keeps serving.
        logInternalError(ctx.logger, exchange, error);
        if (exchange.res.headersSent) return void exchange.res.end();
        send(exchange, dialect.internalError(exchange, error));
      }
    },
    async replay(input) {
      const exchange = replayExchange(input);
      callOf(exchange);
      const prepared = await prepare(exchange, route(exchange), rawBodyOf(input));
      try {
        await step(exchange, prepared);
      } catch (error) {
        // The call threw when it first ran too (its 500): what it changed before the throw is changed again.
        logInternalError(SILENT_LOGGER, exchange, error);
      }
    },
  };
}
