import type { CallInput } from "../mocks/http/call-input.js";
import { readCallInput } from "../mocks/http/call-input.js";
import { CallNotRecorded, type CallLog, type Recorded, type RecordWatch } from "../mocks/http/call-log.js";
import type { SandboxLogger } from "../mocks/http/logger.js";
import type { ProviderPipeline } from "../mocks/http/pipeline.js";
import type { StepQueue } from "../mocks/http/step-queue.js";
import { tokenFromHeader, type TenantRegistry } from "../state/kernel/tenants.js";
import { durableSnapshot, installSnapshot } from "./durable-snapshot.js";
import { StoreStopped, type LogEntry, type RegistryTouch, type StoredTenant, type StoredTenantUse, type TenantLogStore } from "./log-store.js";
import { compactionDue, liveCount, liveRecords, RecordsInFlight, RegistryRecord, withdraw } from "./registry-records.js";
import { stringifyInSlices } from "./sliced-stringify.js";
import { DEFAULT_SNAPSHOT_POLICY, entryBytes, snapshotDue, type SinceSnapshot, type SnapshotPolicy } from "./snapshot-policy.js";

export interface DurableCallsOptions {
  store: TenantLogStore;
  registry: TenantRegistry;
  /** The pipelines by name (a provider's, "sandbox"): a replayed entry runs again on the one that served it. */
  pipelines: ReadonlyMap<string, ProviderPipeline>;
  steps: StepQueue;
  logger: SandboxLogger;
  /** When a tenant's log is snapshotted (default DEFAULT_SNAPSHOT_POLICY; tests and benches ask for snapshots often). */
  snapshotPolicy?: SnapshotPolicy;
}

/** What a start loaded. */
export interface Loaded {
  /** Tenants loaded (a shared store: 0, each is loaded on its first call here). */
  tenants: number;
  entries: number;
  ms: number;
  /** A shared store: how many tenants it holds (none of them loaded yet). */
  stored?: number;
  /** A shared store: how many registry records were read. */
  records?: number;
}

/** A shared store's TTL sweep forgets at most this many tenants per script run (bounded work; runs follow each other). */
export const STORE_SWEEP_LIMIT = 1000;

/**
 * The durable sandbox's log (issue 12): records each call that reaches a tenant in that tenant's log before
 * its step runs (CallLog), the registry-level effects as they happen, and at start rebuilds every tenant
 * from its snapshot and the entries after it (a shared store: only the registry records; a tenant is loaded by
 * its first call here, and the store forgets tenants idle past the TTL on every replica). Snapshots are taken in the tenant's turn (StepQueue), written
 * off the hot path, and let the store drop the entries they include.
 */
export class DurableCalls implements CallLog {
  private readonly lastSeq = new Map<string, number>();
  /** Per tenant: its log since its last snapshot, and that snapshot's size. */
  private readonly since = new Map<string, SinceSnapshot>();
  private readonly snapshotting = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly snapshots = new Set<Promise<unknown>>();
  private readonly registryInFlight = new RecordsInFlight();
  /** Set when a compaction of the registry log failed: it is not tried again in this process. */
  private compactionFailed = false;
  private loading = false;
  /** A shared store (several replicas): how many of its registry records this replica has applied... */
  private registryRead = 0;
  /** ...of this generation of its registry list (bumped when the TTL removed records from it). */
  private registryGeneration = 0;
  /** The registry catch-ups, one after the other. */
  private registryReading: Promise<void> = Promise.resolve();
  /**
   * Tokens known to be no issued token (read after they were first used): a token's record is durable before
   * the token is answered, so one not in the records read after its first use never will be.
   */
  private readonly notIssued = new Set<string>();

  constructor(private readonly options: DurableCallsOptions) {
    const { registry, store } = options;
    registry.tokens.onIssue = (issued, serial) =>
      this.registryRecord({ kind: "token", ...issued, serial }, { tenant: issued.tenantId, at: registry.options.realNow(), expiredBefore: this.expiredBefore() });
    registry.credentials.onSet = (entry) => this.registryRecord({ kind: "password", ...entry });
    registry.onEvicted = (tenant) => {
      this.lastSeq.delete(tenant);
      this.since.delete(tenant);
      if (this.shared) {
        // Several replicas: this one's idle time says nothing of the others', so eviction here only frees this
        // replica's memory. The store forgets the tenant once it is idle past the TTL on every replica (its last
        // use is the store's: every call appends; see expiredBefore). Until then its next call here rebuilds it
        // from the store, and the next catch-up reads every registry record again (its tokens went with it here).
        this.registryRead = 0;
        return;
      }
      this.registryRecord({ kind: "evicted", tenant });
      this.track(store.drop(tenant));
    };
  }

  /** Whether the store is shared by replicas (its appends are ordered by the store, not here). */
  private get shared(): boolean {
    return this.options.store.ordersAtOnce !== true;
  }

  /**
   * With the TTL on, the real time before which a tenant's last use makes it gone (memory mode's eviction):
   * a shared store forgets such a tenant, on every replica's behalf, before it would use it again.
   */
  private expiredBefore(): number | undefined {
    const { tenantTtlMs, realNow } = this.options.registry.options;
    return tenantTtlMs === undefined || tenantTtlMs <= 0 ? undefined : realNow() - tenantTtlMs;
  }

  catchUp(authorization: string | undefined, registryCall: boolean): Promise<void> | undefined {
    if (this.options.store.registrySince === undefined) return undefined;
    const { registry } = this.options;
    const token = tokenFromHeader(authorization);
    const issued = token === "" ? undefined : registry.tokens.lookup(token);
    if (issued !== undefined) {
      // The tenant is here: the token is good (the store cannot have forgotten a tenant used here within the TTL).
      if (registry.peek(issued.tenantId) !== undefined) return undefined;
      // Not here (not loaded yet, or evicted from this replica's memory): without a TTL the token is good; with
      // one the store may have forgotten its tenant meanwhile (idle on every replica), so ask it first.
      if (this.expiredBefore() === undefined && this.knowToken(token)) return undefined;
      return this.readRegistry(issued.tenantId).then(() => {
        if (!this.knowToken(token)) this.notIssued.add(token);
      });
    }
    if (!registryCall && (token === "" || this.notIssued.has(token))) return undefined;
    return this.readRegistry().then(() => {
      if (token !== "" && !this.knowToken(token)) this.notIssued.add(token);
    });
  }

  /**
   * Whether `token` is an issued token known here; its tenant is then made here if this replica does not hold
   * it (evicted from this replica's memory, or issued on another): the token names it, not a tenant of its own.
   */
  private knowToken(token: string): boolean {
    const { registry } = this.options;
    const issued = registry.tokens.lookup(token);
    if (issued === undefined) return false;
    if (registry.peek(issued.tenantId) === undefined) registry.get(issued.tenantId);
    return true;
  }

  /** The tokens `entries` were sent with that this replica knows neither as issued nor as not issued. */
  private unseenTokens(entries: readonly LogEntry[]): string[] {
    if (this.options.store.registrySince === undefined) return [];
    const unseen = new Set<string>();
    for (const entry of entries) {
      const input = entry.input;
      const headers = typeof input === "object" && input !== null && !Array.isArray(input) ? input["headers"] : undefined;
      const header = typeof headers === "object" && headers !== null && !Array.isArray(headers) ? headers["authorization"] : undefined;
      const token = tokenFromHeader(typeof header === "string" ? header : undefined);
      if (token !== "" && !this.notIssued.has(token) && this.options.registry.tokens.lookup(token) === undefined) unseen.add(token);
    }
    return [...unseen];
  }

  /**
   * Applies the registry records other replicas appended since the last read (one round trip); `tenant` (a
   * token's, about to be used) is first forgotten by the store if idle past the TTL. When the store removed
   * records since (another generation), this replica's tokens are replaced by the store's whole list.
   */
  private readRegistry(tenant?: string): Promise<void> {
    const { store, registry } = this.options;
    const reading = this.registryReading.then(async () => {
      if (store.registrySince === undefined) return;
      const read = await store.registrySince({ index: this.registryRead, generation: this.registryGeneration, tenant, expiredBefore: this.expiredBefore() });
      if (read.generation !== this.registryGeneration) {
        // Records were removed (tenants the TTL forgot): every token goes here, the store's live ones come back.
        for (const { tenantId } of registry.tokens.all()) registry.tokens.forgetTenant(tenantId);
        this.registryGeneration = read.generation;
      }
      this.registryRead = read.from + read.records.length;
      this.applyRecords(read.records);
    });
    this.registryReading = reading.catch(() => undefined);
    return reading.catch((error: unknown) => {
      throw notRecorded(error, "the registry records (issued tokens, passwords) could not be read");
    });
  }

  /** Why the store stopped taking writes (fail-stop), if it did. */
  get stopped(): string | undefined {
    return this.options.store.stopped;
  }

  record(tenantId: string, at: number, input: CallInput): Recorded {
    const { store } = this.options;
    const known = this.lastSeq.get(tenantId) ?? 0;
    if (store.ordersAtOnce === true) {
      // Not tracked one by one: idle() waits for the store's own flush.
      const appended = store.append(tenantId, known, at, input);
      const durable = appended.then(
        () => undefined,
        (error: unknown) => {
          throw notRecorded(error, `tenant ${tenantId}: the call could not be recorded in its log`);
        },
      );
      // A stopped store (fail-stop) refused the entry: the step does not run (nothing it did could be kept).
      if (store.stopped !== undefined) return { ready: durable, durable };
      this.lastSeq.set(tenantId, known + 1);
      this.countForSnapshot(tenantId, input);
      return { ready: undefined, durable };
    }
    this.countForSnapshot(tenantId, input);
    // A shared store: what other replicas appended since `known` runs here first, in order.
    const appended = store.append(tenantId, known, at, input, this.expiredBefore()).catch((error: unknown) => {
      throw notRecorded(error, `tenant ${tenantId}: the call could not be recorded in its log`);
    });
    const ready = appended.then(async ({ seq, missed, reload }) => {
      // Other replicas' entries may use tokens they issued: learn those first (a round trip only for a token not seen yet).
      const unseen = this.unseenTokens(reload === undefined ? missed : [...reload.entries, ...missed]);
      if (unseen.length > 0) {
        await this.readRegistry();
        for (const token of unseen) if (!this.knowToken(token)) this.notIssued.add(token);
      }
      if (reload !== undefined) await this.rebuild(tenantId, reload);
      for (const entry of missed) await this.replayEntry(tenantId, entry);
      this.lastSeq.set(tenantId, seq);
    });
    this.track(ready);
    return { ready, durable: ready };
  }

  /** Counts an entry of tenant `tenantId`'s log since its last snapshot, and schedules a snapshot when one is due. */
  private countForSnapshot(tenantId: string, input: CallInput): void {
    let since = this.since.get(tenantId);
    if (since === undefined) {
      since = { entries: 0, bytes: 0, snapshotChars: 0 };
      this.since.set(tenantId, since);
    }
    since.entries += 1;
    since.bytes += entryBytes(input);
    if (!this.loading && snapshotDue(this.options.snapshotPolicy ?? DEFAULT_SNAPSHOT_POLICY, since)) this.scheduleSnapshot(tenantId);
  }

  /**
   * Rebuilds tenant `tenantId` from its stored state (a shared store's `reload`: this copy is too old to catch
   * up by entries): its snapshot (or a fresh tenant), then every entry after it.
   */
  private async rebuild(tenantId: string, stored: StoredTenant): Promise<void> {
    const { registry, logger } = this.options;
    registry.forgetPins(tenantId);
    this.since.set(tenantId, { entries: 0, bytes: 0, snapshotChars: stored.snapshot?.text.length ?? 0 });
    if (stored.snapshot === undefined) registry.reset(tenantId);
    else {
      const imported = installSnapshot(registry, tenantId, JSON.parse(stored.snapshot.text), logger);
      if (!imported.ok) {
        logger.error({ tenant: tenantId }, `tenant ${tenantId}: its stored snapshot does not import (${imported.error}); its entries are replayed on a fresh tenant`);
        registry.reset(tenantId);
      }
    }
    for (const entry of stored.entries) await this.replayEntry(tenantId, entry);
  }

  /** Runs a stored entry's step again on tenant `tenantId`, pinned to its time; its answer is discarded. */
  private async replayEntry(tenantId: string, entry: LogEntry): Promise<void> {
    const read = readCallInput(entry.input);
    const pipeline = read.ok ? this.options.pipelines.get(read.input.pipeline) : undefined;
    if (!read.ok || pipeline === undefined) {
      this.options.logger.error(
        { tenant: tenantId, seq: entry.seq },
        `tenant ${tenantId}: entry ${entry.seq} cannot be replayed (${read.ok ? `no pipeline "${read.input.pipeline}"` : read.problem}); it is skipped`,
      );
      return;
    }
    const { registry } = this.options;
    this.countForSnapshot(tenantId, read.input);
    registry.pin(tenantId, entry.at);
    try {
      await pipeline.replay(read.input);
    } finally {
      registry.unpin(tenantId);
    }
  }

  /**
   * A shared store with the TTL on: forgets the tenants idle past it on every replica (their state, tokens and
   * registry records), STORE_SWEEP_LIMIT per script run; resolves with how many went.
   */
  async sweepStore(): Promise<number> {
    const { store } = this.options;
    const before = this.expiredBefore();
    if (!this.shared || store.sweep === undefined || before === undefined) return 0;
    let swept = 0;
    for (;;) {
      const ids = await store.sweep(before, STORE_SWEEP_LIMIT);
      swept += ids.length;
      if (ids.length < STORE_SWEEP_LIMIT) return swept;
    }
  }

  async storedTenants(): Promise<StoredTenantUse[] | undefined> {
    const { store } = this.options;
    if (!this.shared || store.tenantsInUse === undefined) return undefined;
    try {
      // As memory mode's list: the tenants idle past the TTL are gone first, not listed; then the store's registry
      // is read again, so the tokens of the tenants this replica evicted from its memory only are counted.
      this.options.registry.sweep();
      await this.sweepStore();
      await this.readRegistry();
      return await store.tenantsInUse(this.expiredBefore());
    } catch (error) {
      throw notRecorded(error, "the store's tenants could not be listed");
    }
  }

  watchRecords(): RecordWatch {
    return this.registryInFlight.watch();
  }

  /** Snapshots tenant `tenantId` now (in its turn) and lets the store drop the entries it includes. */
  async snapshot(tenantId: string): Promise<void> {
    const { registry, steps, store } = this.options;
    const taken = await steps.run(tenantId, async () => {
      const tenant = registry.peek(tenantId);
      if (tenant === undefined) return undefined;
      const seq = this.lastSeq.get(tenantId) ?? 0;
      // In slices: the other tenants are served meanwhile; this tenant's calls wait for the end of its turn.
      const chunks = await stringifyInSlices(durableSnapshot(registry, tenant));
      this.since.set(tenantId, { entries: 0, bytes: 0, snapshotChars: chunks.reduce((total, chunk) => total + chunk.length, 0) });
      return { seq, chunks };
    });
    if (taken !== undefined) await store.saveSnapshot(tenantId, taken.seq, taken.chunks);
  }

  /**
   * Loads the stored state. The embedded store: the registry-level records, then every tenant's snapshot and its
   * entries, replayed (in the order they first ran, across tenants). A shared store: the registry records only
   * (after a sweep of the tenants idle past the TTL); a tenant is loaded on its first call here (its append
   * with known 0 brings its snapshot and entries).
   */
  async load(): Promise<Loaded> {
    const started = performance.now();
    const { store, registry, logger } = this.options;
    if (this.shared && store.registrySince !== undefined) {
      await this.sweepStore();
      await this.readRegistry();
      const stored = store.tenantsInUse === undefined ? undefined : (await store.tenantsInUse(this.expiredBefore())).length;
      return { tenants: 0, entries: 0, ms: Math.round(performance.now() - started), stored, records: this.registryRead };
    }
    this.loading = true;
    try {
      const records = await store.loadRegistry();
      this.registryRead = records.length;
      this.applyRecords(records);
      // A tenant a token names exists (issuing made it), as before the restart: its calls find it.
      for (const token of registry.tokens.all()) registry.get(token.tenantId);
      // The live records, as the registry's state gives them before any replay; written once the start is done.
      const live = store.compactRegistry !== undefined && (store.registryLength ?? 0) > liveCount(registry) ? liveRecords(registry) : undefined;
      const pending: Array<{ tenant: string; entry: LogEntry }> = [];
      let tenants = 0;
      for (const tenantId of await store.tenants()) {
        const stored = await store.load(tenantId);
        tenants += 1;
        if (stored.snapshot !== undefined) {
          const imported = installSnapshot(registry, tenantId, JSON.parse(stored.snapshot.text), logger);
          if (!imported.ok) logger.error({ tenant: tenantId }, `tenant ${tenantId}: its snapshot does not import (${imported.error}); its entries are replayed on a fresh tenant`);
        }
        this.lastSeq.set(tenantId, stored.entries.at(-1)?.seq ?? stored.snapshot?.seq ?? 0);
        this.since.set(tenantId, { entries: 0, bytes: 0, snapshotChars: stored.snapshot?.text.length ?? 0 });
        for (const entry of stored.entries) pending.push({ tenant: tenantId, entry });
      }
      // Replayed in the order they first ran, across tenants (a store without that order: tenant after tenant).
      pending.sort((a, b) => (a.entry.order ?? 0) - (b.entry.order ?? 0));
      for (const { tenant, entry } of pending) await this.replayEntry(tenant, entry);
      if (live !== undefined) this.compactRegistry(live);
      return { tenants, entries: pending.length, ms: Math.round(performance.now() - started) };
    } finally {
      this.loading = false;
    }
  }

  private applyRecords(records: readonly unknown[]): void {
    for (const [index, value] of records.entries()) {
      const parsed = RegistryRecord.safeParse(value);
      if (!parsed.success) {
        this.options.logger.error({ record: index }, `registry record ${index} is not one this sandbox knows (${parsed.error.message}); it is skipped`);
        continue;
      }
      this.apply(parsed.data);
    }
  }

  private apply(record: RegistryRecord): void {
    const { registry } = this.options;
    if (record.kind === "token") {
      const { token, tenantId, subject, expiresAt, serial } = record;
      registry.tokens.restore([{ token, tenantId, subject, expiresAt }], serial);
    } else if (record.kind === "password") {
      registry.credentials.restore([{ login: record.login, salt: record.salt, hash: record.hash }]);
    } else {
      registry.tokens.forgetTenant(record.tenant);
    }
  }

  /**
   * Writes a registry record (of the tenant `touch` names, which it uses: a shared store counts it for the TTL).
   * The call that made it waits for it (watchRecords); when it cannot be written, its token or password is
   * withdrawn (it must not work in this process when a restart would not know it) and that call answers the
   * sandbox's 503.
   */
  private registryRecord(record: RegistryRecord, touch?: RegistryTouch): void {
    if (this.loading) return;
    const written = this.options.store.appendRegistry(record, touch).then(
      () => undefined,
      (error: unknown) => {
        withdraw(this.options.registry, record);
        return notRecorded(error, record.kind === "token" ? `the token issued for tenant ${record.tenantId} could not be recorded, so it is not valid` : record.kind === "password" ? `the password of login ${record.login} could not be recorded, so it is not set` : `the eviction of tenant ${record.tenant} could not be recorded`);
      },
    );
    this.registryInFlight.add(written);
    this.track(written.then(() => this.compactIfDue()));
  }

  /** Compacts the registry log once it is due and no record is on its way (a record that fails is withdrawn, so it must not be in the rewrite). */
  private compactIfDue(): void {
    const { store, registry } = this.options;
    if (store.compactRegistry === undefined || store.registryLength === undefined || this.compactionFailed || this.registryInFlight.pending > 0) return;
    if (!compactionDue(store.registryLength, liveCount(registry))) return;
    this.compactRegistry(liveRecords(registry));
  }

  private compactRegistry(records: readonly RegistryRecord[]): void {
    const { store, logger } = this.options;
    const before = store.registryLength;
    try {
      store.compactRegistry?.(records);
      logger.debug({ before, after: records.length }, `registry.log compacted from ${before} to ${records.length} records`);
    } catch (error) {
      this.compactionFailed = true;
      // A stopped store has logged its failure already.
      if (!(error instanceof StoreStopped)) logger.error({ reason: error instanceof Error ? error.message : String(error) }, `${error instanceof Error ? error.message : String(error)}; it is not tried again until a restart`);
    }
  }

  private scheduleSnapshot(tenantId: string): void {
    // A stopped store takes no snapshot (it would keep what the calls it refused did).
    if (this.snapshotting.has(tenantId) || this.options.store.stopped !== undefined) return;
    this.snapshotting.add(tenantId);
    setImmediate(() => {
      this.background(
        this.snapshot(tenantId)
          .catch((error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            this.options.logger.error({ tenant: tenantId, reason }, `tenant ${tenantId}: the snapshot failed (${reason}); its log is kept whole and a snapshot is tried again later`);
          })
          .finally(() => this.snapshotting.delete(tenantId)),
      );
    });
  }

  /** Resolves once the snapshots under way are written (close waits for them). */
  async idle(): Promise<void> {
    await this.options.store.flushed?.();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    while (this.snapshots.size > 0) await Promise.allSettled([...this.snapshots]);
  }

  private background(promise: Promise<unknown>): void {
    this.snapshots.add(promise);
    void promise.finally(() => this.snapshots.delete(promise));
  }

  private track(promise: Promise<unknown>): void {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
  }
}

/** A store failure as the pipeline answers it (the sandbox's own 503): `maybeApplied` when the store says the write may have landed. */
function notRecorded(error: unknown, what: string): CallNotRecorded {
  if (error instanceof CallNotRecorded) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const maybe = typeof error === "object" && error !== null && "maybeApplied" in error && error.maybeApplied === true;
  return new CallNotRecorded(`${what}: ${reason}`, maybe, error instanceof StoreStopped);
}
