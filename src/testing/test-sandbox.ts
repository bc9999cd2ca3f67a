import { createMyshareClient, type MyshareClient } from "../clients/myshare/index.js";
import { createSandboxControlClient, type SandboxControlClient } from "../clients/sandbox/index.js";
import { createWildberriesClient, type WildberriesClient } from "../clients/wildberries/index.js";
import { createYooMoneyClient, type YooMoneyClient } from "../clients/yoomoney/index.js";
import type { SandboxAdvance, SandboxClock, SandboxFreeze } from "../contracts/sandbox/clock.js";
import { createSandbox, type Sandbox, type SandboxOptions } from "../server.js";

/** How a test file's sandbox is made: the sandbox's own options, plus where it listens and how tenants are named. */
export interface TestSandboxOptions extends SandboxOptions {
  /** Open mode names each test's tenant `<tokenPrefix>-1`, `-2`, ... (repeatable ids run to run). Default "test". */
  tokenPrefix?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** The typed clients of one tenant: the three providers' APIs and the control plane, all sending its token. */
export interface TenantClients {
  yoomoney: YooMoneyClient;
  wildberries: WildberriesClient;
  myshare: MyshareClient;
  control: SandboxControlClient;
}

/** What a failed control call says: the call, the status, and the body as sent. */
function controlFailure(call: string, status: number, body: unknown): Error {
  return new Error(`promo-sandbox ${call} failed: HTTP ${status} ${JSON.stringify(body)}`);
}

/**
 * One in-process sandbox for a test file, with the current test's tenant: `start()` listens on a free port,
 * `newTenant()` moves to a fresh tenant (each test its own data and clock), `stop()` closes it. Its clients,
 * `reset()` and the clock helpers act as the current tenant. Framework-neutral: `useSandbox` wires it to a
 * test runner's hooks, or call start/newTenant/stop yourself.
 */
export class TestSandbox {
  readonly #options: TestSandboxOptions;
  #sandbox: Sandbox | undefined;
  #url: string | undefined;
  #token: string | undefined;
  #clients: TenantClients | undefined;
  #tenants = 0;

  constructor(options: TestSandboxOptions = {}) {
    this.#options = options;
  }

  /** Starts the sandbox (once) and opens the first tenant; resolves with the base URL. */
  async start(): Promise<string> {
    if (this.#url !== undefined) return this.#url;
    const { tokenPrefix: _prefix, port, host, ...options } = this.#options;
    const sandbox = createSandbox(options);
    this.#url = await sandbox.listen(port ?? 0, host ?? "127.0.0.1");
    this.#sandbox = sandbox;
    await this.newTenant();
    return this.#url;
  }

  /** Closes the sandbox (its state file, if any, is written one last time). */
  async stop(): Promise<void> {
    const sandbox = this.#sandbox;
    this.#sandbox = undefined;
    this.#url = undefined;
    this.#token = undefined;
    this.#clients = undefined;
    await sandbox?.close();
  }

  /** The sandbox itself (its registry, its violations). */
  get sandbox(): Sandbox {
    return this.#started().sandbox;
  }

  /** The base URL: point your own code at it (`http://127.0.0.1:<port>`). */
  get url(): string {
    return this.#started().url;
  }

  /** The current tenant's token: send it as `Authorization: Bearer <token>` (YooMoney, the control plane) or as is (Wildberries). */
  get token(): string {
    return this.#started().token;
  }

  get yoomoney(): YooMoneyClient {
    return this.#tenantClients().yoomoney;
  }

  get wildberries(): WildberriesClient {
    return this.#tenantClients().wildberries;
  }

  get myshare(): MyshareClient {
    return this.#tenantClients().myshare;
  }

  get control(): SandboxControlClient {
    return this.#tenantClients().control;
  }

  /** Typed clients sending another token (a second tenant in the same test). */
  clientsFor(token: string): TenantClients {
    const options = { baseUrl: this.url, token, adminToken: this.#options.adminToken };
    return {
      yoomoney: createYooMoneyClient(options),
      wildberries: createWildberriesClient(options),
      myshare: createMyshareClient(options),
      control: createSandboxControlClient(options),
    };
  }

  /**
   * Moves to a fresh tenant and resolves with its token: in open mode `<tokenPrefix>-<n>` (or `name`), in
   * strict mode one the control plane issues (for `name` the sandbox needs `adminToken`).
   */
  async newTenant(name?: string): Promise<string> {
    const url = this.#url;
    if (url === undefined) throw new Error("the test sandbox is not started: call start() before newTenant()");
    this.#tenants += 1;
    const tenant = name ?? `${this.#options.tokenPrefix ?? "test"}-${this.#tenants}`;
    let token = tenant;
    if (this.#options.auth === "strict") {
      const admin = createSandboxControlClient({ baseUrl: url, adminToken: this.#options.adminToken });
      const reply = await admin.issueToken(name === undefined ? {} : { body: { tenant: name } });
      if (reply.status !== 201) throw controlFailure("issueToken", reply.status, reply.body);
      token = reply.body.token;
    }
    this.#token = token;
    this.#clients = undefined;
    return token;
  }

  /** Wipes the current tenant: state, clock, settings and randomness start afresh. */
  async reset(): Promise<void> {
    const reply = await this.control.reset();
    if (reply.status !== 200) throw controlFailure("reset", reply.status, reply.body);
  }

  /** Moves the current tenant's virtual clock forward (`"PT15M"`, `"P30D"` or milliseconds), firing what falls due. */
  async advance(by: string | number): Promise<SandboxAdvance> {
    const reply = await this.control.advanceClock({ body: { by } });
    if (reply.status !== 200) throw controlFailure(`advanceClock by ${JSON.stringify(by)}`, reply.status, reply.body);
    return reply.body;
  }

  /** Stops the current tenant's clock, now or at a later ISO instant. */
  async freeze(at?: string): Promise<SandboxFreeze> {
    const reply = await this.control.freezeClock(at === undefined ? {} : { body: { at } });
    if (reply.status !== 200) throw controlFailure(`freezeClock at ${at ?? "now"}`, reply.status, reply.body);
    return reply.body;
  }

  /** Lets a frozen clock run again from where it stopped. */
  async resume(): Promise<SandboxClock> {
    const reply = await this.control.resumeClock();
    if (reply.status !== 200) throw controlFailure("resumeClock", reply.status, reply.body);
    return reply.body;
  }

  /** The current tenant's virtual now. */
  async now(): Promise<Date> {
    const reply = await this.control.getClock();
    if (reply.status !== 200) throw controlFailure("getClock", reply.status, reply.body);
    return new Date(reply.body.now);
  }

  #started(): { sandbox: Sandbox; url: string; token: string } {
    if (this.#sandbox === undefined || this.#url === undefined || this.#token === undefined) {
      throw new Error("the test sandbox is not started: call start() first (useSandbox does it in beforeAll), and use it inside tests or later hooks");
    }
    return { sandbox: this.#sandbox, url: this.#url, token: this.#token };
  }

  #tenantClients(): TenantClients {
    this.#clients ??= this.clientsFor(this.token);
    return this.#clients;
  }
}
