import type { JsonValue } from "../../src/state/kernel/json.js";
import type { AppendResult, LogEntry, StoredTenant, TenantLogStore } from "../../src/persistence/log-store.js";

/** A TenantLogStore in memory: what a sandbox recorded, for another sandbox to load (the replay tests). */
export class MemoryLogStore implements TenantLogStore {
  /** true by default (an append takes its seq at once); false makes the sandbox wait for each append, as with Redis. */
  constructor(readonly ordersAtOnce = true) {}
  readonly logs = new Map<string, { snapshot: StoredTenant["snapshot"]; entries: LogEntry[] }>();
  readonly registry: JsonValue[] = [];
  /** How many appends answered with a reload (a shared store's caller too old to catch up by entries). */
  reloads = 0;
  private order = 0;

  async tenants(): Promise<string[]> {
    return [...this.logs.keys()];
  }

  async load(tenantId: string): Promise<StoredTenant> {
    const log = this.logs.get(tenantId);
    return { snapshot: log?.snapshot, entries: [...(log?.entries ?? [])] };
  }

  async append(tenantId: string, known: number, at: number, input: JsonValue): Promise<AppendResult> {
    let log = this.logs.get(tenantId);
    if (log === undefined) {
      log = { snapshot: undefined, entries: [] };
      this.logs.set(tenantId, log);
    }
    const seq = (log.entries.at(-1)?.seq ?? log.snapshot?.seq ?? 0) + 1;
    if (this.ordersAtOnce && seq !== known + 1) throw new Error(`tenant ${tenantId}: known ${known}, next seq ${seq}`);
    // Another "replica" (sandbox) on the same store appended the entries between `known` and this one;
    // when a snapshot took some of them away, the caller reloads the whole stored tenant instead.
    const tooOld = log.snapshot !== undefined && known < log.snapshot.seq;
    if (tooOld) this.reloads += 1;
    const reload = tooOld ? { snapshot: log.snapshot, entries: log.entries.map((entry) => structuredClone(entry)) } : undefined;
    const missed = tooOld ? [] : log.entries.filter((entry) => entry.seq > known).map((entry) => structuredClone(entry));
    log.entries.push({ seq, at, input: structuredClone(input), order: ++this.order });
    return reload === undefined ? { seq, missed } : { seq, missed, reload };
  }

  async saveSnapshot(tenantId: string, seq: number, chunks: readonly string[]): Promise<void> {
    const log = this.logs.get(tenantId);
    if (log === undefined) return;
    log.snapshot = { seq, text: chunks.join("") };
    log.entries = log.entries.filter((entry) => entry.seq > seq);
  }

  async drop(tenantId: string): Promise<void> {
    this.logs.delete(tenantId);
  }

  async loadRegistry(): Promise<JsonValue[]> {
    return [...this.registry];
  }

  async appendRegistry(record: JsonValue): Promise<void> {
    this.registry.push(structuredClone(record));
  }

  async close(): Promise<void> {}

  /** How many entries are stored in all. */
  get size(): number {
    let total = 0;
    for (const log of this.logs.values()) total += log.entries.length;
    return total;
  }
}
