import { VirtualClock, type RealTime } from "./clock.js";
import type { Cause, DomainEvent } from "./events.js";
import { faultDetail, Faults, type FaultCall, type FaultHit } from "./faults.js";
import type { JsonObject, JsonValue } from "./json.js";
import { RateLimiter } from "./rate-limit.js";
import { Ring } from "./ring.js";
import { Rng } from "./rng.js";
import { Scheduler, type Timer } from "./scheduler.js";
import type { Settings } from "./settings.js";
import { Directory } from "./directory.js";
import type { ProviderStates } from "./provider-states.js";
import { StringPool } from "./string-pool.js";

/**
 * One call as the request journal keeps it. Times are the tenant's virtual time (epoch ms). Bodies are
 * kept as JSON text, not objects: a thousand retained object graphs per tenant cost garbage collection
 * on every call, and the journal is read far less often than it is written.
 */
export interface JournalEntry {
  seq: number;
  at: number;
  provider: string;
  method: string;
  path: string;
  query: string;
  status: number;
  /** JSON text of the request body; undefined when there was none. */
  requestBody: string | undefined;
  /** JSON text of the response body; undefined when it was empty. */
  responseBody: string | undefined;
  /** JSON text of the request headers the journal keeps (a fixed few, Authorization masked). */
  headers: string;
  /** Real milliseconds from the request's arrival to its answer. */
  durationMs: number;
  /** The route table's operation id; undefined when the call matched none (a 404 or 405, or refused before routing). */
  operation: string | undefined;
  /** For a 404 or 405: the operation whose path is nearest to the one called. */
  nearestOperation: string | undefined;
  /** The fault applied to the call; undefined when none. */
  fault: string | undefined;
}

export interface FiredTimer {
  at: number;
  kind: string;
  payload: JsonObject;
  detail: JsonObject | undefined;
}

/** What a clock move fired: the first timers (up to a limit) and how many fired in all. */
export interface FiredReport {
  fired: FiredTimer[];
  total: number;
}

/** Runs one due timer at its deadline (`tenant.now()` is `timer.at` meanwhile); may return detail for the fired list. */
export type TimerHandler = (tenant: Tenant, timer: Timer) => JsonObject | void;

/** What every tenant of one registry shares: the index of who owns what, and the pool of equal strings. */
export interface TenantShared {
  directory: Directory<Tenant>;
  strings: StringPool;
}

/** A registry's shared parts (a tenant made outside a registry gets its own). */
export function newTenantShared(): TenantShared {
  return { directory: new Directory<Tenant>(), strings: new StringPool() };
}

/** Who follows a tenant's events as they happen (the control plane's event stream): see Tenant.watch. */
export interface TenantWatcher {
  /** Each event, as it is recorded. */
  event(event: DomainEvent): void;
  /** The tenant was replaced by `next` (a reset or a state import): no more events come from this one. */
  replaced(next: Tenant): void;
}

/** A bounded log as a durable snapshot kept it: entries oldest first, how many were pushed out, the last seq given. */
export interface RestoredLog<T> {
  entries: readonly T[];
  dropped: number;
  seq: number;
}

export interface TenantLimits {
  journalSize: number;
  eventLogSize: number;
}

/** Everything one token owns: a clock, timers, randomness, settings, rate buckets, journal and events. */
export class Tenant {
  readonly clock: VirtualClock;
  /** Made on the first timer (see scheduler): most one-call tenants never schedule one. */
  private timers: Scheduler | undefined;
  /** Made on first use (see rng): a tenant that never draws a random number keeps none. */
  private generator: Rng | undefined;
  readonly limiter: RateLimiter;
  readonly journal: Ring<JournalEntry>;
  /** Made on the first event (see events). */
  private eventLog: Ring<DomainEvent> | undefined;
  /** Made on the first fault (see faults): most tenants never have one. */
  private faultBook: Faults | undefined;
  private readonly eventLogSize: number;
  settings: Settings;
  /**
   * Each provider's state of this tenant, by key: read and written only through tenant-states.ts (stateOf,
   * peekState, replaceState). Made with the first provider state: most one-call tenants never need one.
   */
  states: Partial<ProviderStates> | undefined = undefined;
  /** What the current change is caused by; the adapters set it, the scheduler sets "timer" while firing. */
  cause: Cause = "request";
  private eventSeq = 0;
  /** Made on the first watch(): most tenants are never watched. */
  private watchers: Set<TenantWatcher> | undefined;
  private journalSeq = 0;
  private firingAt: number | null = null;
  private settling = false;
  private settlingTo: number | null = null;

  constructor(
    readonly id: string,
    realNow: RealTime,
    private readonly seed: string,
    settings: Settings,
    private readonly timerHandlers: ReadonlyMap<string, TimerHandler>,
    limits: TenantLimits,
    /** What the tenants of one registry share (ownership index, string pool); a lone tenant has its own. */
    private readonly shared: TenantShared = newTenantShared(),
  ) {
    this.clock = new VirtualClock(realNow);
    this.limiter = new RateLimiter(shared.strings);
    this.settings = { ...settings };
    this.journal = new Ring(limits.journalSize);
    this.eventLogSize = limits.eventLogSize;
  }

  /** The tenant's timers (a priority queue on its virtual clock). */
  get scheduler(): Scheduler {
    return (this.timers ??= new Scheduler());
  }

  /** The tenant's domain events, newest last, bounded by the event log size. */
  get events(): Ring<DomainEvent> {
    return (this.eventLog ??= new Ring(this.eventLogSize));
  }

  /** The tenant's faults (`/__sandbox/faults`), oldest first. */
  get faults(): Faults {
    return (this.faultBook ??= new Faults());
  }

  /** The tenant's faults if it ever had any (the pipeline's quick look on every call). */
  peekFaults(): Faults | undefined {
    return this.faultBook;
  }

  /** Installs faults from a snapshot. */
  restoreFaults(faults: Faults): void {
    this.faultBook = faults;
  }

  /**
   * The fault that hits this provider call, if any, counted as applied and recorded as an event with
   * cause "fault" (entity "fault", its id, remaining calls before and after, what it did in detail).
   */
  takeFault(call: FaultCall): FaultHit | undefined {
    const book = this.faultBook;
    if (book === undefined || book.empty) return undefined;
    const hit = book.take(call, this.now());
    if (hit === undefined) return undefined;
    this.record({ provider: call.provider, entity: "fault", id: hit.fault.id, from: hit.remainingBefore, to: hit.fault.remaining, detail: faultDetail(hit, call) }, "fault");
    return hit;
  }

  /** The tenant's seeded generator: the same server seed and tenant id always start the same sequence. */
  get rng(): Rng {
    return (this.generator ??= new Rng(`${this.seed}\u0000${this.id}`));
  }

  /** The tenant's present: the clock, or a timer's deadline while that timer fires. */
  now(): number {
    return this.firingAt ?? this.clock.now();
  }

  /**
   * While timers fire: the instant the clock move in progress settles to (a timer may account a long
   * quiet stretch at once up to it, or up to the next pending timer); null otherwise.
   */
  settleHorizon(): number | null {
    return this.settlingTo;
  }

  schedule(at: number, kind: string, payload: JsonObject): number {
    return this.scheduler.schedule(at, kind, payload);
  }

  cancel(timerId: number | null | undefined): void {
    this.timers?.cancel(timerId);
  }

  /** Records a state change, caused by the current cause unless `cause` says otherwise. */
  record(event: Omit<DomainEvent, "seq" | "at" | "cause">, cause: Cause = this.cause): void {
    const recorded: DomainEvent = { ...event, seq: ++this.eventSeq, at: this.now(), cause };
    this.events.push(recorded);
    if (this.watchers !== undefined) for (const watcher of this.watchers) watcher.event(recorded);
  }

  /** The seq of the last event recorded (0 before the first), whether or not the event log still keeps it. */
  get lastEventSeq(): number {
    return this.eventSeq;
  }

  /** Tells `watcher` of every event from now on, until the returned function is called. */
  watch(watcher: TenantWatcher): () => void {
    const watchers = (this.watchers ??= new Set());
    watchers.add(watcher);
    return () => {
      watchers.delete(watcher);
    };
  }

  /** How many watchers follow this tenant now. */
  get watcherCount(): number {
    return this.watchers?.size ?? 0;
  }

  /** The registry replaced this tenant by `next` (a reset, an import): each watcher is told, then forgotten. */
  replacedBy(next: Tenant): void {
    const watchers = this.watchers;
    if (watchers === undefined || next === this) return;
    this.watchers = undefined;
    for (const watcher of watchers) watcher.replaced(next);
  }

  /** Journals a call. Equal texts (paths, `{}`, a list every tenant reads) are kept once for all tenants. */
  log(entry: Omit<JournalEntry, "seq" | "at">): void {
    this.journal.push(this.interned(entry, ++this.journalSeq, this.now()));
  }

  /** The seq of the last call journaled (0 before the first), whether or not the journal still keeps it. */
  get lastJournalSeq(): number {
    return this.journalSeq;
  }

  /** The tenant's event log if it ever recorded an event (a durable snapshot reads it without making one). */
  peekEvents(): Ring<DomainEvent> | undefined {
    return this.eventLog;
  }

  /**
   * Installs the journal and event log a durable snapshot kept (tenant-history.ts): their entries (oldest
   * first), dropped counts and last seqs, so the next call and event go on from those seqs.
   */
  restoreLogs(journal: RestoredLog<JournalEntry>, events: RestoredLog<DomainEvent>): void {
    this.journal.restore(
      journal.entries.map((entry) => this.interned(entry, entry.seq, entry.at)),
      journal.dropped,
    );
    this.journalSeq = journal.seq;
    // An empty log stays unmade, as on a tenant that never recorded an event.
    if (events.entries.length > 0 || events.dropped > 0) this.events.restore(events.entries, events.dropped);
    else this.eventLog?.clear();
    this.eventSeq = events.seq;
  }

  /** The journal entry `seq` at `at`, its texts taken from the registry's pool. */
  private interned(entry: Omit<JournalEntry, "seq" | "at">, seq: number, at: number): JournalEntry {
    const pool = this.shared.strings;
    const { provider, method, path, query, status, requestBody, responseBody, headers, durationMs, operation, nearestOperation, fault } = entry;
    return {
      seq,
      at,
      provider: pool.intern(provider),
      method: pool.intern(method),
      path: pool.intern(path),
      query: pool.intern(query),
      status,
      requestBody: requestBody === undefined ? undefined : pool.intern(requestBody),
      responseBody: responseBody === undefined ? undefined : pool.intern(responseBody),
      headers: pool.intern(headers),
      durationMs,
      operation: operation === undefined ? undefined : pool.intern(operation),
      nearestOperation: nearestOperation === undefined ? undefined : pool.intern(nearestOperation),
      fault: fault === undefined ? undefined : pool.intern(fault),
    };
  }

  /** Records that this tenant owns `key` of `kind` (see Directory), so other tenants can ask who owns it. */
  claim(kind: string, key: string | number): void {
    this.shared.directory.claim(this, kind, key);
  }

  unclaim(kind: string, key: string | number): void {
    this.shared.directory.unclaim(this, kind, key);
  }

  /** Whether another tenant of the same registry owns `key` of `kind`: one lookup, whatever the tenant count. */
  claimedByAnother(kind: string, key: string | number): boolean {
    return this.shared.directory.heldByAnother(this, kind, key);
  }

  /**
   * Begins a call caused by `cause` (a provider request, a control-plane call): the events it records
   * carry that cause, and every timer due by now fires first, so the call sees the state as of now.
   */
  settleFor(cause: Cause): void {
    this.cause = cause;
    this.settle();
  }

  /** Runs every timer due by `limit` (default: now), each at its own deadline, in order. */
  settle(limit: number = this.clock.now()): FiredTimer[] {
    return this.settleInto(limit, { fired: [], total: 0 }, Number.POSITIVE_INFINITY).fired;
  }

  /** Moves the clock forward by `ms`, firing everything that falls due on the way. */
  advance(ms: number): FiredTimer[] {
    return this.advanceReport(ms, Number.POSITIVE_INFINITY).fired;
  }

  /**
   * Moves the clock forward by `ms` like advance(), listing only the first `maxListed` timers that fire
   * (a month of a busy seller's traffic fires hundreds of thousands) and counting all of them.
   */
  advanceReport(ms: number, maxListed: number, horizon?: number): FiredReport {
    const report: FiredReport = { fired: [], total: 0 };
    const target = this.clock.now() + ms;
    this.settleInto(target, report, maxListed, horizon);
    this.clock.advance(ms);
    return this.settleInto(this.clock.now(), report, maxListed, horizon);
  }

  /** `horizon`: where the clock move in progress ends when it is made in slices (settleHorizon()). */
  private settleInto(limit: number, report: FiredReport, maxListed: number, horizon?: number): FiredReport {
    if (this.settling) return report;
    const previousCause = this.cause;
    this.settling = true;
    this.settlingTo = Math.max(limit, horizon ?? limit);
    try {
      for (let timer = this.timers?.popDue(limit); timer; timer = this.timers?.popDue(limit)) {
        const fired = this.fire(timer);
        report.total += 1;
        if (report.fired.length < maxListed) report.fired.push(fired);
      }
    } finally {
      this.settling = false;
      this.settlingTo = null;
      this.firingAt = null;
      this.cause = previousCause;
    }
    return report;
  }

  private fire(timer: Timer): FiredTimer {
    this.firingAt = timer.at;
    this.cause = "timer";
    const handler = this.timerHandlers.get(timer.kind);
    const detail = handler ? handler(this, timer) : undefined;
    return { at: timer.at, kind: timer.kind, payload: timer.payload, detail: detail ?? undefined };
  }
}
