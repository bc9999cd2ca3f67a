import { z } from "zod";
import type { RecordWatch } from "../mocks/http/call-log.js";
import type { TenantRegistry } from "../state/kernel/tenants.js";

/** The registry-level records (issued tokens, login passwords, evicted tenants): effects, not calls. */
export const RegistryRecord = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("token"), token: z.string(), tenantId: z.string(), subject: z.string(), expiresAt: z.number(), serial: z.number() }),
  z.object({ kind: z.literal("password"), login: z.string(), salt: z.string(), hash: z.string() }),
  z.object({ kind: z.literal("evicted"), tenant: z.string() }),
]);
export type RegistryRecord = z.infer<typeof RegistryRecord>;

/**
 * The registry log is compacted once it holds more than this many times the live records, plus
 * COMPACT_FLOOR (so a small sandbox is never rewritten over a few stale lines).
 */
export const COMPACT_FACTOR = 2;
export const COMPACT_FLOOR = 1000;

/**
 * The records that rebuild the registry as it is now, read from its own state (tokens.ts, credentials.ts):
 * every token it knows (an evicted tenant's are gone with it; expired ones stay: strict mode answers an
 * expired token's 401 apart from an unknown one's, and a tenant's clock may be moved), each login's current
 * password, and no eviction records (their tokens are gone already). Every token record carries the last
 * serial, so tokens issued after a restart go on numbering after it.
 */
export function liveRecords(registry: TenantRegistry): RegistryRecord[] {
  const serial = registry.tokens.lastSerial;
  return [
    ...registry.tokens.all().map(({ token, tenantId, subject, expiresAt }): RegistryRecord => ({ kind: "token", token, tenantId, subject, expiresAt, serial })),
    ...registry.credentials.all().map(({ login, salt, hash }): RegistryRecord => ({ kind: "password", login, salt, hash })),
  ];
}

/** How many live records `liveRecords` would give (without building them). */
export function liveCount(registry: TenantRegistry): number {
  return registry.tokens.size + registry.credentials.size;
}

/** Whether a registry log of `length` records is due for compaction, with `live` of them live. */
export function compactionDue(length: number, live: number): boolean {
  return length > COMPACT_FACTOR * live + COMPACT_FLOOR;
}

/** Takes back what a record that could not be made durable gave: its token or password stops working. */
export function withdraw(registry: TenantRegistry, record: RegistryRecord): void {
  if (record.kind === "token") registry.tokens.withdraw(record.token);
  else if (record.kind === "password") registry.credentials.withdraw(record);
}

/** One record on its way to the store: its failure once it failed. */
interface InFlight {
  done: Promise<Error | undefined>;
  settled: boolean;
  failure: Error | undefined;
}

/**
 * The registry records on their way to the store, numbered in the order they were made, and the watches of
 * the calls under way (RecordWatch): a call's answer waits for the records made since its watch began, and
 * fails when one of them did. A settled record is kept while a watch that began before it is open.
 */
export class RecordsInFlight {
  private made = 0;
  private readonly records = new Map<number, InFlight>();
  private readonly watches = new Set<{ from: number }>();

  /** Tracks a record being written (`written` resolves with its failure, or undefined once durable). */
  add(written: Promise<Error | undefined>): void {
    const index = this.made++;
    const record: InFlight = { done: written, settled: false, failure: undefined };
    this.records.set(index, record);
    void written.then((failure) => {
      record.settled = true;
      record.failure = failure;
      this.prune();
    });
  }

  /** How many records are not yet settled. */
  get pending(): number {
    let count = 0;
    for (const record of this.records.values()) if (!record.settled) count++;
    return count;
  }

  watch(): RecordWatch {
    const watch = { from: this.made };
    this.watches.add(watch);
    return {
      durable: () => {
        if (this.made === watch.from) return undefined;
        const mine = [...this.records].filter(([index]) => index >= watch.from).map(([, record]) => record.done);
        return Promise.all(mine).then((failures) => {
          const failure = failures.find((found) => found !== undefined);
          if (failure !== undefined) throw failure;
        });
      },
      end: () => {
        this.watches.delete(watch);
        this.prune();
      },
    };
  }

  /** Resolves once every record made so far is settled. */
  async settled(): Promise<void> {
    await Promise.all([...this.records.values()].map((record) => record.done));
  }

  private prune(): void {
    let floor = Number.POSITIVE_INFINITY;
    for (const watch of this.watches) floor = Math.min(floor, watch.from);
    for (const [index, record] of this.records) if (record.settled && index < floor) this.records.delete(index);
  }
}
