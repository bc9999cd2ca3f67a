import { randomUUID } from "node:crypto";
import type { JsonValue } from "../state/kernel/json.js";
import { SILENT_LOGGER, type SandboxLogger } from "../mocks/http/logger.js";
import type { AppendResult, LogEntry, RegistryRead, RegistryRecords, RegistryTouch, StoredTenant, StoredTenantUse, TenantLogStore } from "./log-store.js";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_UNAVAILABLE_AFTER_MS, RedisLink } from "./redis-link.js";
import { APPEND, APPEND_REGISTRY, COMMIT_SNAPSHOT, DROP, GLOBAL_KEYS, INDEX_TOKEN, LOAD, PUSH_CHUNK, REGISTRY_SINCE, SWEEP, TENANT_KEY_HEAD, TENANTS_IN_USE } from "./redis-scripts.js";
import { SNAPSHOT_CHUNKS_PER_READ, splitChunks } from "./redis-snapshot-chunks.js";
import { parseRedisStoreUrl, type RedisStoreAddress } from "./redis-store-url.js";

export interface RedisLogStoreOptions {
  /** Where lost-connection warnings, reloads and the durability check are reported. */
  logger?: SandboxLogger;
  /** How long a call waits for a lost connection before failing (default 2 s). */
  unavailableAfterMs?: number;
  /** How long the start waits for Redis to answer (default 5 s). */
  connectTimeoutMs?: number;
}

/** The names of the store's keys: one rule (redis-scripts.ts: GLOBAL_KEYS, TENANT_KEY_HEAD), under the sandbox's prefix. */
function redisKeys(prefix: string) {
  const tenant = (id: string) => `${prefix}${TENANT_KEY_HEAD}${id}:`;
  return {
    tenants: `${prefix}${GLOBAL_KEYS.tenants}`,
    tokenIndex: `${prefix}${GLOBAL_KEYS.tokenIndex}`,
    registry: `${prefix}${GLOBAL_KEYS.registry}`,
    generation: `${prefix}${GLOBAL_KEYS.generation}`,
    used: `${prefix}${GLOBAL_KEYS.used}`,
    created: `${prefix}${GLOBAL_KEYS.created}`,
    log: (id: string) => `${tenant(id)}log`,
    snapshot: (id: string) => `${tenant(id)}snapshot`,
    /** The list of a snapshot's text chunks. */
    snapshotText: (id: string, seq: number) => `${tenant(id)}snapshot:${seq}`,
    /** Where a snapshot's chunks are written before COMMIT_SNAPSHOT swaps them in (one per save). */
    staging: (id: string, seq: number) => `${tenant(id)}staging:${seq}:${randomUUID()}`,
    tokens: (id: string) => `${tenant(id)}tokens`,
  };
}

/** A reply that is not what the script returns: Redis or the script is not what this code expects. */
function unexpected(what: string, reply: unknown): Error {
  return new Error(`the Redis store answered ${what} with ${JSON.stringify(reply)}; is this the sandbox's own Redis database?`);
}

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value);
}

function parseEntry(text: unknown): LogEntry {
  if (typeof text !== "string") throw unexpected("an entry", text);
  const entry: { seq?: unknown; at?: unknown; input?: JsonValue } = JSON.parse(text);
  if (typeof entry.seq !== "number" || typeof entry.at !== "number" || entry.input === undefined) throw unexpected("an entry", text);
  return { seq: entry.seq, at: entry.at, input: entry.input };
}

function parseEntries(reply: unknown): LogEntry[] {
  if (!isArray(reply)) throw unexpected("entries", reply);
  return reply.map(parseEntry);
}

/** A snapshot as LOAD and APPEND name it: its seq and the list of its text's chunks, or undefined. */
function parseSnapshotRef(seq: unknown, key: unknown): { seq: number; key: string } | undefined {
  if (seq === null && key === null) return undefined;
  if (typeof seq !== "string" || typeof key !== "string" || !/^\d+$/.test(seq)) throw unexpected("a snapshot", [seq, key]);
  return { seq: Number(seq), key };
}

/** How long a staged snapshot's chunks are kept when its save does not finish (the replica died). */
const STAGING_TTL_SECONDS = 3_600;
/** How many times `load` starts again when the snapshot it was reading is replaced under it. */
const LOAD_ATTEMPTS = 5;

/** An optional TTL cut as a script argument ("": no TTL). */
function cut(expiredBefore: number | undefined): string {
  if (expiredBefore === undefined) return "";
  if (!Number.isFinite(expiredBefore)) throw new Error(`expiredBefore must be a time in ms, not ${expiredBefore}`);
  return JSON.stringify(expiredBefore);
}

function integer(reply: unknown, what: string): number {
  if (typeof reply !== "number" || !Number.isSafeInteger(reply)) throw unexpected(what, reply);
  return reply;
}

/**
 * Tenants' logs and snapshots in Redis, shared by every replica of a team sandbox (`--store redis://…`).
 *
 * Per tenant: a list of entries after the snapshot and a snapshot hash (redis-scripts.ts). `append` is one Lua
 * script: it gives the entry the next seq and returns the entries the replica has not seen (other replicas'
 * calls) in the same round trip, so a tenant's calls form one order across replicas (per-tenant linearizable).
 *
 * Durability: Redis acknowledges a script after its write reaches the append-only file; with `appendonly yes`
 * and `appendfsync always` that write is fsynced first, so an acknowledged append survives a kill -9 of Redis
 * or a power loss. Redis 7.0 (Debian 12) has no WAITAOF, so the sandbox cannot ask for it per call: the server
 * must be configured so. `open` checks `CONFIG GET appendonly/appendfsync` and warns when it is not.
 *
 * Also the token index: which tenant an issued token belongs to, so a replica finds the tenant of a token
 * issued on another.
 *
 * The tenant TTL: each append and token record sets the tenant's last use; a tenant idle past the TTL on every
 * replica is forgotten whole with its registry records (`sweep`, and lazily by the scripts about to use it:
 * redis-scripts.ts), and the registry list's generation tells replicas reading it by index to read it again.
 */
export class RedisLogStore implements TenantLogStore {
  private readonly keys;

  private constructor(
    private readonly link: RedisLink,
    readonly address: RedisStoreAddress,
    private readonly logger: SandboxLogger,
  ) {
    this.keys = redisKeys(address.prefix);
  }

  /** Connects to the store `url` names (`redis://host:port/db[?prefix=name:]`) and checks its durability settings. */
  static async open(url: string, options: RedisLogStoreOptions = {}): Promise<RedisLogStore> {
    const address = parseRedisStoreUrl(url);
    const logger = options.logger ?? SILENT_LOGGER;
    const link = new RedisLink(address, logger, options.unavailableAfterMs ?? DEFAULT_UNAVAILABLE_AFTER_MS, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    await link.connect();
    const store = new RedisLogStore(link, address, logger);
    await store.checkDurability();
    return store;
  }

  /** Warns unless Redis fsyncs every write before acknowledging it (appendonly yes, appendfsync always). */
  private async checkDurability(): Promise<void> {
    const settings = new Map<string, string>();
    try {
      const reply = await this.link.command(["CONFIG", "GET", "append*"], true);
      if (!isArray(reply)) throw unexpected("CONFIG GET", reply);
      for (let i = 0; i + 1 < reply.length; i += 2) settings.set(String(reply[i]), String(reply[i + 1]));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn({ store: this.address.display }, `cannot check the durability of the Redis store ${this.address.display} (CONFIG GET: ${reason}); make sure it runs with appendonly yes and appendfsync always, or acknowledged calls can be lost`);
      return;
    }
    const appendonly = settings.get("appendonly");
    const appendfsync = settings.get("appendfsync");
    if (appendonly !== "yes" || appendfsync !== "always") {
      this.logger.warn(
        { store: this.address.display, appendonly, appendfsync },
        `the Redis store ${this.address.display} runs with appendonly ${appendonly ?? "?"} and appendfsync ${appendfsync ?? "?"}: a call acknowledged just before Redis stops can be lost; run it with --appendonly yes --appendfsync always`,
      );
    }
  }

  /** Whether the connection to Redis is up now (false while it reconnects). */
  get connected(): boolean {
    return this.link.ready;
  }

  async tenants(): Promise<string[]> {
    const reply = await this.link.command(["SMEMBERS", this.keys.tenants], true);
    if (!isArray(reply)) throw unexpected("SMEMBERS", reply);
    return reply.map((id) => String(id)).sort();
  }

  async load(tenantId: string): Promise<StoredTenant> {
    for (let attempt = 1; ; attempt++) {
      const reply = await this.link.script(LOAD, [this.keys.log(tenantId), this.keys.snapshot(tenantId)], [], true);
      if (!isArray(reply) || reply.length !== 3) throw unexpected("load", reply);
      const entries = parseEntries(reply[2]);
      const ref = parseSnapshotRef(reply[0], reply[1]);
      if (ref === undefined) return { snapshot: undefined, entries };
      const text = await this.snapshotText(ref.key);
      if (text !== undefined) return { snapshot: { seq: ref.seq, text }, entries };
      // Two newer snapshots were committed while this one was read: read the newest.
      if (attempt === LOAD_ATTEMPTS) throw new Error(`tenant ${tenantId}: its snapshot was replaced ${LOAD_ATTEMPTS} times while it was being read; try again`);
    }
  }

  /** A snapshot's text, read a few chunks at a time (small commands), or undefined when the list is gone. */
  private async snapshotText(key: string): Promise<string | undefined> {
    const pieces: string[] = [];
    for (let from = 0; ; from += SNAPSHOT_CHUNKS_PER_READ) {
      const reply = await this.link.command(["LRANGE", key, String(from), String(from + SNAPSHOT_CHUNKS_PER_READ - 1)], true);
      if (!isArray(reply)) throw unexpected("snapshot chunks", reply);
      for (const piece of reply) {
        if (typeof piece !== "string") throw unexpected("a snapshot chunk", piece);
        pieces.push(piece);
      }
      if (reply.length < SNAPSHOT_CHUNKS_PER_READ) break;
    }
    // Every snapshot has at least one chunk ("" for an empty text): none means the list is gone.
    return pieces.length === 0 ? undefined : pieces.join("");
  }

  async append(tenantId: string, known: number, at: number, input: JsonValue, expiredBefore?: number): Promise<AppendResult> {
    if (!Number.isSafeInteger(known) || known < 0) throw new Error(`append: known must be a seq (a whole number >= 0), not ${known}`);
    if (!Number.isFinite(at)) throw new Error(`append: at must be a time in ms, not ${at}`);
    const keys = [this.keys.log(tenantId), this.keys.snapshot(tenantId), this.keys.tenants];
    const args = [this.address.prefix, tenantId, String(known), JSON.stringify(at), JSON.stringify(input), cut(expiredBefore)];
    const reply = await this.link.script(APPEND, keys, args, false);
    if (!isArray(reply) || reply.length < 3) throw unexpected("append", reply);
    const seq = integer(reply[0], "append");
    const reason = integer(reply[1], "append");
    if (reason === 0) return { seq, missed: parseEntries(reply[2]) };
    const reload = await this.reloadBefore(tenantId, seq, parseSnapshotRef(reply[3] ?? null, reply[4] ?? null), parseEntries(reply[2]));
    if (reason === 2) {
      this.logger.warn(
        { tenant: tenantId, known, stored: seq - 1 },
        `tenant ${tenantId}: this replica had seen seq ${known} but the Redis store's log ends at ${seq - 1}; the tenant was idle past --tenant-ttl on every replica (the store forgot it), or Redis lost acknowledged writes (is appendfsync always?); reloading it from the store`,
      );
    } else {
      this.logger.debug({ tenant: tenantId, known, snapshot: reload.snapshot?.seq }, `tenant ${tenantId}: reloading from the store's snapshot (this replica was at seq ${known})`);
    }
    return { seq, missed: [], reload };
  }

  /** The stored tenant just before entry `seq`, for a replica that cannot catch up by entries. */
  private async reloadBefore(tenantId: string, seq: number, ref: { seq: number; key: string } | undefined, entries: LogEntry[]): Promise<StoredTenant> {
    if (ref === undefined) return { snapshot: undefined, entries };
    const text = await this.snapshotText(ref.key);
    if (text !== undefined) return { snapshot: { seq: ref.seq, text }, entries };
    // Replaced twice since the append: a newer snapshot still does without the appended entry unless it includes it.
    const now = await this.load(tenantId);
    if (now.snapshot !== undefined && now.snapshot.seq >= seq) {
      throw new Error(`tenant ${tenantId}: a snapshot including entry ${seq} was taken before this replica could reload; load the tenant again (its entry ${seq} is recorded)`);
    }
    return { snapshot: now.snapshot, entries: now.entries.filter((entry) => entry.seq < seq) };
  }

  /**
   * Stores the tenant's state as of `seq` and drops the entries up to it. The text goes in chunks to a staging
   * list (each chunk its own command, so other tenants' calls run between them), then one script swaps it in.
   */
  async saveSnapshot(tenantId: string, seq: number, chunks: readonly string[]): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`saveSnapshot: seq must be a whole number >= 1, not ${seq}`);
    const staging = this.keys.staging(tenantId, seq);
    for (const [index, piece] of splitChunks(chunks).entries()) {
      const length = await this.link.script(PUSH_CHUNK, [staging], [String(index), piece, String(STAGING_TTL_SECONDS)], true);
      if (length !== index + 1) throw new Error(`tenant ${tenantId}: the snapshot being saved lost its chunks in Redis (expired or removed); take it again`);
    }
    const keys = [this.keys.log(tenantId), this.keys.snapshot(tenantId), this.keys.tenants, staging, this.keys.snapshotText(tenantId, seq)];
    await this.link.script(COMMIT_SNAPSHOT, keys, [tenantId, String(seq)], true);
  }

  /** Forgets a tenant now: its state, tokens and registry records (redis-scripts.ts: DROP). */
  async drop(tenantId: string): Promise<void> {
    const keys = [this.keys.log(tenantId), this.keys.snapshot(tenantId), this.keys.tokens(tenantId)];
    await this.link.script(DROP, keys, [this.address.prefix, tenantId], true);
  }

  async loadRegistry(): Promise<JsonValue[]> {
    return (await this.registrySince({ index: 0, generation: 0 })).records;
  }

  /**
   * The registry-level records from the `index`-th on, oldest first: a replica that has read `index` records
   * of generation `generation` catches up with the ones other replicas appended since; when records were removed
   * meanwhile (the TTL forgot a tenant: another generation), every record, from 0.
   */
  async registrySince(read: RegistryRead): Promise<RegistryRecords> {
    const keys = [this.keys.registry, this.keys.generation];
    const reply = await this.link.script(REGISTRY_SINCE, keys, [this.address.prefix, String(read.index), String(read.generation), read.tenant ?? "", cut(read.expiredBefore)], true);
    if (!isArray(reply) || reply.length !== 3 || !isArray(reply[2])) throw unexpected("registrySince", reply);
    const records = reply[2].map((text) => {
      if (typeof text !== "string") throw unexpected("a registry record", text);
      const record: JsonValue = JSON.parse(text);
      return record;
    });
    return { generation: integer(reply[0], "registrySince"), from: integer(reply[1], "registrySince"), records };
  }

  /** Appends a registry-level record (durable once it resolves, as append); a token's marks its tenant used. */
  async appendRegistry(record: JsonValue, touch?: RegistryTouch): Promise<void> {
    const args = [this.address.prefix, JSON.stringify(record), touch?.tenant ?? "", JSON.stringify(touch?.at ?? 0), cut(touch?.expiredBefore)];
    await this.link.script(APPEND_REGISTRY, [this.keys.registry], args, false);
  }

  /** Forgets up to `limit` tenants last used before `expiredBefore` (the TTL), oldest first, with their registry records. */
  async sweep(expiredBefore: number, limit: number): Promise<string[]> {
    if (!Number.isFinite(expiredBefore)) throw new Error(`sweep: expiredBefore must be a time in ms, not ${expiredBefore}`);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`sweep: limit must be a whole number >= 1, not ${limit}`);
    const reply = await this.link.script(SWEEP, [this.keys.used], [this.address.prefix, JSON.stringify(expiredBefore), String(limit)], true);
    if (!isArray(reply)) throw unexpected("sweep", reply);
    return reply.map((id) => String(id));
  }

  /** The stored tenants used since `usedSince` (every one without it), with their first and last use. */
  async tenantsInUse(usedSince?: number): Promise<StoredTenantUse[]> {
    const reply = await this.link.script(TENANTS_IN_USE, [this.keys.used, this.keys.created], [usedSince === undefined ? "-inf" : JSON.stringify(usedSince)], true);
    if (!isArray(reply) || reply.length % 3 !== 0) throw unexpected("tenantsInUse", reply);
    const out: StoredTenantUse[] = [];
    for (let i = 0; i < reply.length; i += 3) {
      const [tenant, lastUsedAt, createdAt] = [reply[i], Number(reply[i + 1]), Number(reply[i + 2])];
      if (typeof tenant !== "string" || !Number.isFinite(lastUsedAt) || !Number.isFinite(createdAt)) throw unexpected("tenantsInUse", reply);
      out.push({ tenant, createdAt, lastUsedAt });
    }
    return out;
  }

  /** Records that `token` was issued for `tenantId` (the tenant's drop forgets it). */
  async indexToken(token: string, tenantId: string): Promise<void> {
    await this.link.script(INDEX_TOKEN, [this.keys.tokenIndex, this.keys.tokens(tenantId)], [token, tenantId], true);
  }

  /** The tenant `token` was issued for, on any replica, or undefined. */
  async tenantOfToken(token: string): Promise<string | undefined> {
    const reply = await this.link.command(["HGET", this.keys.tokenIndex, token], true);
    if (reply === null) return undefined;
    if (typeof reply !== "string") throw unexpected("HGET", reply);
    return reply;
  }

  async close(): Promise<void> {
    await this.link.close();
  }
}
