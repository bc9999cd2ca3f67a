import type { JsonValue } from "../state/kernel/json.js";

/**
 * The store of per-tenant call logs (issue 12): the embedded one (file-log-store.ts, `--data-dir`) and the
 * Redis one (redis-*.ts, `--store redis://`) implement it; DurableCalls (durable-calls.ts) consumes it.
 *
 * - `LogEntry.order` (optional): the embedded store's order across all tenants, so a restart replays the
 *   tenants' entries merged in the order they ran (cross-tenant claims, e.g. YooMoney campaign ids, see the
 *   same state); a store without it is replayed tenant after tenant.
 * - `ordersAtOnce`: the embedded store's appends are ordered before they are durable (see below).
 * - `loadRegistry`/`appendRegistry`: the registry-level records (issued tokens, login passwords, forgotten
 *   tenants), an ordered list of JSON values kept apart from the tenants' logs. They are effects, not calls: a
 *   token carries a random nonce the replay could not draw again.
 * - `append`'s result may carry `reload` (a shared store). With several replicas on one store a replica's copy
 *   of a tenant can be too old to catch up by entries: another replica took a snapshot past `known` (the
 *   entries up to it are gone), or the tenant was forgotten so the stored log ends before `known`. Then
 *   `reload` is the stored tenant just before the appended entry (snapshot + every entry after it), `missed` is
 *   empty, and the caller rebuilds the tenant from it (a fresh tenant when it has no snapshot) before running
 *   its own entry `seq`.
 * - `registrySince` (a shared store): the registry records a replica has not read yet, so it finds the tokens
 *   and passwords another replica issued while it runs (DurableCalls.catchUp).
 * - A shared store keeps the tenants' last use and forgets those idle past the TTL (`expiredBefore`: the
 *   caller's real time minus `--tenant-ttl`), with their registry records; the registry list then changes under
 *   its readers' indexes, so `registrySince` takes and returns its generation. `sweep` and `tenantsInUse` are a
 *   shared store's (a replica loads tenants on their first call, not at start).
 */
/**
 * A store that stopped taking writes (fail-stop, as databases do): a write or fsync of its files failed, so
 * what is on disk after that point is unknown. Every later append is refused with this until the sandbox is
 * restarted (a start loads exactly what is durable). `maybeApplied`: the refused write may be on disk all
 * the same (its line was written, or written in part, before the failure).
 */
export class StoreStopped extends Error {
  override name = "StoreStopped";
  constructor(
    message: string,
    readonly maybeApplied: boolean,
  ) {
    super(message);
  }
}

export interface LogEntry {
  /** 1, 2, 3... within the tenant: the order its steps ran in. */
  seq: number;
  /** The real time (epoch ms) the step was pinned to: the tenant's clock read it while the step ran. */
  at: number;
  /** What the step needs to run again (src/mocks/http/call-input.ts: CallInput). */
  input: JsonValue;
  /** The embedded store's order across tenants (see above). */
  order?: number;
}

export interface StoredTenant {
  /** The last snapshot (durable-snapshot.ts: the tenant's export and its history, as JSON text) and the seq it includes. */
  snapshot: { seq: number; text: string } | undefined;
  /** The entries after the snapshot, in seq order. */
  entries: LogEntry[];
}

/** Where a replica is in a shared store's registry list, and what to check first. */
export interface RegistryRead {
  /** How many records of generation `generation` it has applied. */
  index: number;
  generation: number;
  /** A tenant to forget first if idle past the TTL (the tenant of a token about to be used). */
  tenant?: string;
  /** The TTL's cut: a tenant whose last use is before it is gone. */
  expiredBefore?: number;
}

/** What `registrySince` resolves with: the records from `from` on (0 when the generation changed: read them all again). */
export interface RegistryRecords {
  generation: number;
  from: number;
  records: JsonValue[];
}

/** A stored tenant's real (wall-clock) first and last use, epoch ms. */
export interface StoredTenantUse {
  tenant: string;
  createdAt: number;
  lastUsedAt: number;
}

/** A registry record's tenant (an issued token's): it counts as a use of the tenant, at `at`. */
export interface RegistryTouch {
  tenant: string;
  at: number;
  expiredBefore?: number;
}

/** What `append` resolves with. */
export interface AppendResult {
  seq: number;
  /** The entries after `known` and before `seq` (other replicas' calls), in order. */
  missed: LogEntry[];
  /** Set when `known` cannot be caught up by entries (see the note at the top): rebuild from it, then run `seq`. */
  reload?: StoredTenant;
}

export interface TenantLogStore {
  /**
   * true: append() gives the entry its seq synchronously, before it returns (one process: the embedded
   * store), so a step may run before its entry is durable (its answer still waits). Otherwise (Redis) the
   * step runs once append() resolved, after the `missed` entries of other replicas were applied.
   */
  readonly ordersAtOnce?: boolean;
  /** Every tenant with stored state. */
  tenants(): Promise<string[]>;
  /** The snapshot and the entries after it, in order. */
  load(tenantId: string): Promise<StoredTenant>;
  /**
   * Appends as the next entry; resolves (durable) with its seq and the entries after `known` before it
   * (other replicas' calls: the embedded store has none). A shared store given `expiredBefore` first forgets
   * the tenant when its last use (on any replica) is before it: the entry then starts a fresh tenant.
   */
  append(tenantId: string, known: number, at: number, input: JsonValue, expiredBefore?: number): Promise<AppendResult>;
  /**
   * Stores a snapshot that includes every entry up to `seq`; entries <= seq may then go. Its text comes in
   * chunks (their concatenation is the text, as stringifyInSlices makes it), so no store needs it in one piece.
   */
  saveSnapshot(tenantId: string, seq: number, chunks: readonly string[]): Promise<void>;
  /** Forgets a tenant (eviction). */
  drop(tenantId: string): Promise<void>;
  /** Registry-level records (issued tokens, passwords, forgotten tenants), oldest first. */
  loadRegistry(): Promise<JsonValue[]>;
  /**
   * A shared store (several replicas): the registry records from the `index`-th on (0: all), oldest first,
   * so a replica catches up with the tokens and passwords the others issued since it last read; all of them
   * again when records were removed since (another generation).
   */
  registrySince?(read: RegistryRead): Promise<RegistryRecords>;
  /**
   * Appends a registry-level record (of tenant `touch.tenant`, which it uses); resolves once it is durable,
   * rejects when it could not be written.
   */
  appendRegistry(record: JsonValue, touch?: RegistryTouch): Promise<void>;
  /** A shared store: forgets up to `limit` tenants last used before `expiredBefore` (the TTL), oldest first; their ids. */
  sweep?(expiredBefore: number, limit: number): Promise<string[]>;
  /** A shared store: its tenants used since `usedSince` (all without it), with their first and last use. */
  tenantsInUse?(usedSince?: number): Promise<StoredTenantUse[]>;
  /**
   * Set once the store stopped taking writes (fail-stop, see StoreStopped): what failed and what to do.
   * Undefined while it works (and for a store that never stops: Redis comes back by itself).
   */
  readonly stopped?: string | undefined;
  /** How many registry records the store holds (its registry log's lines), when it can compact them. */
  readonly registryLength?: number;
  /**
   * Replaces every registry record by `records` (the live ones, from the registry's own state), crash-safe:
   * a crash at any point leaves either the old records or the new ones.
   */
  compactRegistry?(records: readonly JsonValue[]): void;
  /** Resolves once every append so far is durable (a store that orders at once: its batches in flight). */
  flushed?(): Promise<void>;
  /** Writes what is pending and releases the files or connections. */
  close(): Promise<void>;
}
