import { ClientClosedError, ClientOfflineError, createClient, ErrorReply } from "@redis/client";
import { SILENT_LOGGER, type SandboxLogger } from "../mocks/http/logger.js";
import type { RedisScript } from "./redis-scripts.js";
import type { RedisStoreAddress } from "./redis-store-url.js";

/** How long a call waits for a lost connection to come back before it fails (the policy in RedisLink's note). */
export const DEFAULT_UNAVAILABLE_AFTER_MS = 2_000;
/** How long the start waits for Redis to answer (Redis may start a moment after the sandbox, as in compose). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Redis did not confirm an operation: unreachable for longer than the wait, or the connection broke while a
 * write was under way. The pipeline answers it as the sandbox's own failure (503), not as a provider's error.
 */
export class StoreUnavailableError extends Error {
  override name = "StoreUnavailableError";
  constructor(
    message: string,
    /** Whether the write may have been recorded all the same (the connection broke after it was sent). */
    readonly maybeApplied: boolean,
  ) {
    super(message);
  }
}

/** Errors of commands that were never sent (no connection): always safe to try again. */
function notSent(error: unknown): boolean {
  return error instanceof ClientOfflineError || error instanceof ClientClosedError;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One connection to the store's Redis with the store's policy for a lost connection: the client reconnects in
 * the background (50 ms, doubling, at most 500 ms apart); a call made while it is down waits up to
 * `unavailableAfterMs` for it, then fails with StoreUnavailableError. Commands are never queued blindly while
 * offline (disableOfflineQueue): a command is either sent on a live connection or known not to be sent, so a
 * read or an idempotent write is retried within the wait, and an append whose connection broke after sending it
 * is reported as "may have been recorded" rather than appended twice.
 */
export class RedisLink {
  private readonly client;
  private down = false;
  /** The last connection error, for the start's message. */
  private lastConnectionError: unknown;
  /** Whether the first connection was made (before it, errors are the start's, reported by connect). */
  private connected = false;

  constructor(
    readonly address: RedisStoreAddress,
    private readonly logger: SandboxLogger = SILENT_LOGGER,
    private readonly unavailableAfterMs = DEFAULT_UNAVAILABLE_AFTER_MS,
    private readonly connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
  ) {
    const common = { host: address.host, port: address.port, connectTimeout: connectTimeoutMs, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 500) };
    this.client = createClient({
      socket: address.tls ? { ...common, tls: true } : common,
      database: address.db,
      ...(address.username === undefined ? {} : { username: address.username }),
      ...(address.password === undefined ? {} : { password: address.password }),
      disableOfflineQueue: true,
      // RESP2: every reply the store reads is a plain array, string, integer or null.
      RESP: 2,
    });
    this.client.on("error", (error: unknown) => {
      this.lastConnectionError = error;
      if (this.down || !this.connected) return;
      this.down = true;
      this.logger.warn({ err: error instanceof Error ? error : new Error(String(error)), store: address.display }, `the Redis store ${address.display} is unreachable (${describe(error)}); reconnecting, calls wait up to ${this.unavailableAfterMs} ms`);
    });
    this.client.on("ready", () => {
      if (!this.down) return;
      this.down = false;
      this.logger.info({ store: address.display }, `the Redis store ${address.display} is reachable again`);
    });
  }

  /** Connects; a Redis that does not answer within the connect timeout stops the start with a message naming it. */
  async connect(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const cause = this.lastConnectionError === undefined ? "" : ` (${describe(this.lastConnectionError)})`;
        reject(new Error(`--store ${this.address.display}: Redis at ${this.address.host}:${this.address.port} did not answer within ${this.connectTimeoutMs} ms${cause}; start it or fix the URL`));
      }, this.connectTimeoutMs);
    });
    try {
      await Promise.race([this.client.connect(), timeout]);
      this.connected = true;
    } catch (error) {
      this.client.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the connection is up now (false while it reconnects). */
  get ready(): boolean {
    return this.client.isReady;
  }

  /** Resolves once the connection is ready or `ms` have passed. */
  private readyWithin(ms: number): Promise<void> {
    if (this.client.isReady || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.client.off("ready", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.client.on("ready", done);
    });
  }

  /**
   * Runs one command under the policy above. `idempotent`: running it twice is the same as once (reads, the
   * snapshot and drop scripts), so it is retried after a broken connection too.
   */
  async command(args: readonly string[], idempotent: boolean): Promise<unknown> {
    const deadline = Date.now() + this.unavailableAfterMs;
    let lastError: unknown;
    for (;;) {
      await this.readyWithin(deadline - Date.now());
      if (!this.client.isOpen) throw new StoreUnavailableError(`the Redis store ${this.address.display} is closed`, false);
      if (this.client.isReady) {
        try {
          return await this.client.sendCommand<unknown>(args);
        } catch (error) {
          if (error instanceof ErrorReply) throw error;
          lastError = error;
          if (!notSent(error) && !idempotent) {
            throw new StoreUnavailableError(`the connection to the Redis store ${this.address.display} broke during ${args[0]} (${describe(error)}); the write may or may not have been recorded`, true);
          }
        }
      }
      if (Date.now() >= deadline) {
        const cause = lastError === undefined ? "" : ` (${describe(lastError)})`;
        throw new StoreUnavailableError(`the Redis store ${this.address.display} did not answer for ${this.unavailableAfterMs} ms${cause}; nothing was recorded, try again when it is back`, false);
      }
      if (this.client.isReady) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Runs a script by its SHA1 (EVALSHA), sending its source (EVAL, which caches it) when Redis does not know it. */
  async script(script: RedisScript, keys: readonly string[], args: readonly string[], idempotent: boolean): Promise<unknown> {
    const rest = [String(keys.length), ...keys, ...args];
    try {
      return await this.command(["EVALSHA", script.sha, ...rest], idempotent);
    } catch (error) {
      // NOSCRIPT: the script cache is empty after a Redis restart (or SCRIPT FLUSH); nothing ran.
      if (error instanceof ErrorReply && error.message.startsWith("NOSCRIPT")) return this.command(["EVAL", script.source, ...rest], idempotent);
      throw error;
    }
  }

  async close(): Promise<void> {
    if (!this.client.isOpen) return;
    try {
      await this.client.close();
    } catch {
      this.client.destroy();
    }
  }
}
