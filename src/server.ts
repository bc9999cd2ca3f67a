import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ContractViolation, SandboxContext, SentAnswer } from "./mocks/http/context.js";
import { adminTokenProblem } from "./mocks/sandbox/admin.js";
import { controlPipeline } from "./mocks/sandbox/control-pipeline.js";
import { OpenCalls } from "./mocks/open-calls.js";
import { exchangeOf } from "./mocks/http/exchange.js";
import { answerNotServed } from "./mocks/http/not-served.js";
import { logAccess } from "./mocks/http/access-log.js";
import { SILENT_LOGGER, type SandboxLogger } from "./mocks/http/logger.js";
import { OpenStreams } from "./mocks/http/open-streams.js";
import { StepQueue } from "./mocks/http/step-queue.js";
import type { ProviderPlug } from "./mocks/plug.js";
import { documentsOf } from "./openapi-documents.js";
import { PROVIDERS } from "./providers.js";
import type { RealTime } from "./state/kernel/clock.js";
import { DEFAULT_SETTINGS, type Settings } from "./state/kernel/settings.js";
import { TenantRegistry, type AuthMode } from "./state/kernel/tenants.js";
import { loadStateFile, prepareStateFile, StateFileWriter } from "./persistence/state-file.js";
import { VERSION } from "./version.js";
import { DurableCalls } from "./persistence/durable-calls.js";
import { FileLogStore } from "./persistence/file-log-store.js";
import type { TenantLogStore } from "./persistence/log-store.js";
import { snapshotEvery } from "./persistence/snapshot-policy.js";

export interface SandboxOptions {
  /** Seeds every tenant's randomness: the same seed and calls give the same answers. Default "promo-sandbox". */
  seed?: string;
  /** open: any token is a tenant; strict: only issued tokens, honouring expiry. Default open. */
  auth?: AuthMode;
  /**
   * The control plane's admin token: it alone names tenants (`POST /__sandbox/tokens {"tenant"}`) and lists
   * them (`GET /__sandbox/tenants`). Default none: in strict mode no one may then name a tenant.
   */
  adminToken?: string;
  /** Defaults for every new tenant's settings. */
  settings?: Partial<Settings>;
  /** Real time source for the virtual clocks (tests may pass a fixed one). Default Date.now. */
  realNow?: RealTime;
  /** Check every response against its contract and collect mismatches in `violations`. */
  validateResponses?: boolean;
  /** Called with every answer the sandbox sends (method, path, status, content type, body text). */
  onAnswer?: (answer: SentAnswer) => void;
  journalSize?: number;
  eventLogSize?: number;
  /**
   * Real milliseconds a client has to send a whole request (headers and body) before the connection is
   * answered 408 and closed, so a body trickled at 1 byte/s cannot hold a connection. Default 30,000.
   */
  requestTimeoutMs?: number;
  /** Load every tenant from this JSON file at start (if it exists) and save there after changes and on close. */
  stateFile?: string;
  /**
   * Real milliseconds a tenant may stay idle (no call of any kind, provider or control plane) before it is
   * evicted: gone as after a reset, its issued tokens too, and from the state file at the next save.
   * 0 never evicts. Default DEFAULT_TENANT_TTL_MS (a day).
   */
  tenantTtlMs?: number;
  /** The providers served (default PROVIDERS, src/providers.ts); a test may plug in one more. */
  providers?: readonly ProviderPlug[];
  /**
   * Where the sandbox logs: an access line per call (info), internal errors with their stack and state-file
   * save failures (error), state-file saves and evictions (debug). Default: nothing at all. `createLogger`
   * (exported with createSandbox) makes a pino logger as the CLI's --log-level and --log-format do.
   */
  logger?: SandboxLogger;
  /** Real milliseconds between the heartbeat comments of GET /__sandbox/events/stream. Default 15,000. */
  eventStreamHeartbeatMs?: number;
  /**
   * The durable state (`--data-dir`, issue 12): every call that reaches a tenant is appended to that tenant's
   * log in this folder before its step runs, and answered once the entry is on disk (group commit); a start
   * loads every tenant from its snapshot and log. Unlike stateFile, nothing acknowledged is lost on kill -9.
   */
  dataDir?: string;
  /** Another store of tenant logs than dataDir's (the Redis store; tests' in-memory one). */
  logStore?: TenantLogStore;
  /** A snapshot of a tenant's log every this many entries, whatever the sizes (tests and benches; default: DEFAULT_SNAPSHOT_POLICY). */
  snapshotAfterEntries?: number;
}

/** What node:http calls with each request (supertest takes it as it is). */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface Sandbox {
  /** Every request, on node:http: each path goes to the pipeline that owns it (a provider's, or the control plane's). */
  app: RequestListener;
  registry: TenantRegistry;
  /** Responses that broke their contract (only collected with validateResponses). */
  violations: ContractViolation[];
  /** Starts listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Resolves once the stored state (dataDir, logStore) is loaded; calls that come earlier wait for it. Rejects when it cannot be loaded. */
  ready: Promise<void>;
  /** Writes the state file now (no-op without stateFile); with dataDir, resolves once every entry so far is durable. */
  flush(): Promise<void>;
  /** Stops listening and writes the state file one last time. */
  close(): Promise<void>;
}


/** How long a client may take to send a whole request, in real milliseconds (SandboxOptions.requestTimeoutMs). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * How long an idle tenant is kept, in real milliseconds (SandboxOptions.tenantTtlMs): a day, so a tenant
 * used at any time today is still there at the same time tomorrow (a laptop sandbox left overnight keeps
 * the morning's tenants), while a long-running CI sandbox that makes a tenant per test holds at most one
 * day's worth of them.
 */
export const DEFAULT_TENANT_TTL_MS = 24 * 60 * 60 * 1000;

/** Real milliseconds between an event stream's heartbeat comments (SandboxOptions.eventStreamHeartbeatMs). */
export const DEFAULT_EVENT_STREAM_HEARTBEAT_MS = 15_000;

/** Idle tenants are looked for at least this often (real ms) even when no call comes, so their memory and state-file entries go. */
const TENANT_SWEEP_INTERVAL_MS = 60_000;

/** The embedded store in `dir` (made if missing); a folder the sandbox cannot use stops the start with a message that says why. */
function openDataDir(dir: string, logger: SandboxLogger): FileLogStore {
  try {
    return new FileLogStore(dir, { logger });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`--data-dir ${dir} cannot be used (${reason}): give a folder the sandbox may create or write`);
  }
}

/** The in-process sandbox: every provider of `providers` (default src/providers.ts) and the control plane, on one node:http listener. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const tenantTtlMs = options.tenantTtlMs ?? DEFAULT_TENANT_TTL_MS;
  if (!Number.isSafeInteger(tenantTtlMs) || tenantTtlMs < 0) {
    throw new Error(`tenantTtlMs must be a whole number of milliseconds, 0 or more (0 never evicts), got ${tenantTtlMs}`);
  }
  const plugs = options.providers ?? PROVIDERS;
  const openCalls = new OpenCalls();
  const adminProblem = options.adminToken === undefined ? undefined : adminTokenProblem(options.adminToken);
  if (adminProblem !== undefined) throw new Error(adminProblem);
  const registry = new TenantRegistry({
    seed: options.seed ?? "promo-sandbox",
    auth: options.auth ?? "open",
    defaults: { ...DEFAULT_SETTINGS, ...options.settings },
    realNow: options.realNow ?? Date.now,
    providers: plugs.map((plug) => plug.state),
    limits: { journalSize: options.journalSize ?? 1000, eventLogSize: options.eventLogSize ?? 10_000 },
    adminToken: options.adminToken,
    tenantTtlMs,
    inCall: (tenant) => openCalls.holds(tenant),
  });
  const heartbeatMs = options.eventStreamHeartbeatMs ?? DEFAULT_EVENT_STREAM_HEARTBEAT_MS;
  if (!(Number.isFinite(heartbeatMs) && heartbeatMs > 0)) throw new Error(`eventStreamHeartbeatMs must be a number of milliseconds > 0, got ${heartbeatMs}`);
  const logger = options.logger ?? SILENT_LOGGER;
  const ctx: SandboxContext = {
    registry,
    version: VERSION,
    validateResponses: options.validateResponses ?? false,
    violations: [],
    onAnswer: options.onAnswer,
    logger,
    streams: new OpenStreams(),
    heartbeatMs,
    steps: new StepQueue(),
    calls: undefined,
  };

  let writer: StateFileWriter | undefined;
  if (options.stateFile !== undefined) {
    prepareStateFile(options.stateFile);
    loadStateFile(registry, options.stateFile);
    writer = new StateFileWriter(registry, options.stateFile, logger);
  }

  const servedAt = plugs.map((plug) => plug.servedAt).join(", ");
  const controls = plugs.flatMap((plug) => (plug.control === undefined ? [] : [plug.control]));
  const pipelines = [...plugs.map((plug) => plug.pipeline(ctx)), controlPipeline(ctx, controls, plugs.flatMap((plug) => plug.providerStates ?? []), documentsOf(plugs))];

  if (options.dataDir !== undefined && options.logStore !== undefined) throw new Error("give dataDir or logStore, not both");
  if (options.dataDir !== undefined && options.stateFile !== undefined) {
    throw new Error("--data-dir and --state-file cannot be used together: --data-dir is the durable state; --state-file is a single JSON export/import (GET /__sandbox/state per tenant)");
  }
  const store = options.logStore ?? (options.dataDir === undefined ? undefined : openDataDir(options.dataDir, logger));
  const durable =
    store === undefined
      ? undefined
      : new DurableCalls({ store, registry, pipelines: new Map(pipelines.map((pipeline) => [pipeline.provider, pipeline])), steps: ctx.steps, logger, snapshotPolicy: options.snapshotAfterEntries === undefined ? undefined : snapshotEvery(options.snapshotAfterEntries) });
  // Calls evict idle tenants as they come; this also finds them when none comes, and drops them from the state
  // file. With a shared store (--store) it also forgets, in the store, the tenants idle past the TTL on every replica.
  const sweeper = tenantTtlMs === 0 ? undefined : setInterval(() => {
    const evicted = registry.sweep();
    if (evicted > 0) {
      writer?.changed();
      logger.debug({ evicted, tenants: registry.size }, `evicted ${evicted} tenant(s) idle for ${tenantTtlMs / 1000} s; ${registry.size} left`);
    }
    if (loaded) void sweepStore();
  }, Math.min(tenantTtlMs, TENANT_SWEEP_INTERVAL_MS));
  sweeper?.unref();
  const sweepStore = async (): Promise<void> => {
    try {
      const swept = (await durable?.sweepStore()) ?? 0;
      if (swept > 0) logger.debug({ swept }, `the store forgot ${swept} tenant(s) idle for ${tenantTtlMs / 1000} s on every replica`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      logger.warn({ reason }, `the store's sweep of idle tenants failed (${reason}); it is tried again at the next sweep`);
    }
  };
  let loaded = durable === undefined;
  const ready =
    durable === undefined
      ? Promise.resolve()
      : durable.load().then((done) => {
          ctx.calls = durable;
          loaded = true;
          if (done.stored !== undefined) {
            logger.info({ ...done }, `the store holds ${done.stored} tenant(s), each loaded on its first call here; read ${done.records ?? 0} registry record(s) in ${done.ms}ms`);
          } else logger.info({ ...done, dataDir: options.dataDir }, `loaded ${done.tenants} tenant(s) and replayed ${done.entries} log entries in ${done.ms}ms`);
        });
  // A failed load is reported by listen() (and by whoever awaits ready); the listener then answers nothing.
  ready.catch(() => undefined);
  /**
   * Every request is dispatched here, on node:http, to the pipeline that owns its path (each provider's,
   * then the control plane's), each matching its precompiled route table; any other path is a 404.
   */
  const listener: RequestListener = (req, res) => {
    if (!loaded) return void ready.then(() => listener(req, res));
    const exchange = exchangeOf(req, res);
    openCalls.open(exchange, registry);
    // Any call may change state (even a read settles due timers), so every answered call marks it.
    if (writer !== undefined) res.once("finish", () => writer.changed());
    for (const pipeline of pipelines) {
      if (pipeline.owns(exchange.path)) return void pipeline.serve(exchange);
    }
    const started = performance.now();
    answerNotServed(exchange, servedAt);
    logAccess(logger, exchange, 404, { started, operation: undefined, fault: undefined });
  };

  let server: Server | undefined;
  return {
    app: listener,
    registry,
    violations: ctx.violations,
    ready,
    async listen(port = 8787, host = "127.0.0.1") {
      await ready;
      const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
      return new Promise((resolve, reject) => {
        // Node answers 408 and closes a connection whose request is not complete within requestTimeout,
        // checking every connectionsCheckingInterval.
        const listening = createServer(
          { requestTimeout, headersTimeout: Math.min(requestTimeout, 60_000), connectionsCheckingInterval: Math.min(1000, requestTimeout) },
          listener,
        );
        listening.once("error", reject);
        listening.listen(port, host, () => {
          listening.off("error", reject);
          const address = listening.address();
          const actualPort = typeof address === "object" && address !== null ? address.port : port;
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`);
        });
        server = listening;
      });
    },
    async flush() {
      await writer?.flush();
      await durable?.idle();
    },
    async close() {
      clearInterval(sweeper);
      // Open event streams end first, cleanly (their clients see the end), so the server's close does not wait on them.
      await ctx.streams.endAll();
      await new Promise<void>((resolve) => {
        if (server === undefined) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
      if (durable !== undefined && store !== undefined) {
        await ready.catch(() => undefined);
        await durable.idle();
        await store.close();
      }
    },
  };
}
