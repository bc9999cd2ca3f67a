import type { Server } from "node:http";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { ContractViolation, SandboxContext, SentAnswer } from "./mocks/http/context.js";
import { myshareControlRouter } from "./mocks/sandbox/myshare.js";
import { sandboxRouter } from "./mocks/sandbox/router.js";
import { wildberriesControlRouter } from "./mocks/sandbox/wildberries.js";
import { yoomoneyControlRouter } from "./mocks/sandbox/yoomoney.js";
import { myshareRouter } from "./mocks/myshare/router.js";
import { wildberriesRouter } from "./mocks/wildberries/router.js";
import { yoomoneyRouter } from "./mocks/yoomoney/router.js";
import type { RealTime } from "./state/kernel/clock.js";
import type { ProviderModule } from "./state/kernel/provider.js";
import { DEFAULT_SETTINGS, type Settings } from "./state/kernel/settings.js";
import { TenantRegistry, type AuthMode } from "./state/kernel/tenants.js";
import { myshareProvider } from "./state/myshare/provider.js";
import { wildberriesProvider } from "./state/wildberries/provider.js";
import { yoomoneyProvider } from "./state/yoomoney/provider.js";
import { loadStateFile, StateFileWriter } from "./persistence/state-file.js";
import { VERSION } from "./version.js";

export interface SandboxOptions {
  /** Seeds every tenant's randomness: the same seed and calls give the same answers. Default "promo-sandbox". */
  seed?: string;
  /** open: any token is a tenant; strict: only issued tokens, honouring expiry. Default open. */
  auth?: AuthMode;
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
  /** Load every tenant from this JSON file at start (if it exists) and save there after changes and on close. */
  stateFile?: string;
}

export interface Sandbox {
  app: Express;
  registry: TenantRegistry;
  /** Responses that broke their contract (only collected with validateResponses). */
  violations: ContractViolation[];
  /** Starts listening; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<string>;
  /** Writes the state file now (no-op without stateFile). */
  flush(): Promise<void>;
  /** Stops listening and writes the state file one last time. */
  close(): Promise<void>;
}

export const PROVIDERS: readonly ProviderModule[] = [yoomoneyProvider, wildberriesProvider, myshareProvider];

/** The in-process sandbox: every provider and the control plane on one express app. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const registry = new TenantRegistry({
    seed: options.seed ?? "promo-sandbox",
    auth: options.auth ?? "open",
    defaults: { ...DEFAULT_SETTINGS, ...options.settings },
    realNow: options.realNow ?? Date.now,
    providers: PROVIDERS,
    limits: { journalSize: options.journalSize ?? 1000, eventLogSize: options.eventLogSize ?? 10_000 },
  });
  const ctx: SandboxContext = {
    registry,
    version: VERSION,
    validateResponses: options.validateResponses ?? false,
    violations: [],
    onAnswer: options.onAnswer,
  };

  let writer: StateFileWriter | undefined;
  if (options.stateFile !== undefined) {
    loadStateFile(registry, options.stateFile);
    writer = new StateFileWriter(registry, options.stateFile);
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);
  if (writer !== undefined) {
    // Any call may change state (even a read settles due timers), so every answered call marks it.
    app.use((_req, res, next) => {
      res.on("finish", () => writer.changed());
      next();
    });
  }
  app.use("/api/offerwall/v1", yoomoneyRouter(ctx));
  app.use(myshareRouter(ctx));
  app.use(wildberriesRouter(ctx));
  app.use("/__sandbox", sandboxRouter(ctx, [yoomoneyControlRouter(ctx), wildberriesControlRouter(ctx), myshareControlRouter(ctx)]));
  app.use((req, res) => {
    res.status(404).json({
      error: {
        code: "not_found",
        message: `Nothing is served at ${req.method} ${req.path}: YooMoney is under /api/offerwall/v1/, Wildberries under /adv/ (and /ping), myshare under /catalog/, /offer/, /landing/, /deal/ and /promo/, the control plane under /__sandbox/ (see the README)`,
      },
    });
  });
  app.use((_err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ error: { code: "internal_error", message: "The sandbox failed to handle this call; please report it" } });
  });

  let server: Server | undefined;
  return {
    app,
    registry,
    violations: ctx.violations,
    listen(port = 8787, host = "127.0.0.1") {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host, (error?: Error) => {
          if (error) return reject(error);
          const address = listening.address();
          const actualPort = typeof address === "object" && address !== null ? address.port : port;
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`);
        });
        server = listening;
      });
    },
    flush() {
      return writer?.flush() ?? Promise.resolve();
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (server === undefined) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await writer?.flush();
    },
  };
}
