import { VirtualClock, type RealTime } from "./clock.js";
import type { Cause, DomainEvent } from "./events.js";
import type { JsonObject, JsonValue } from "./json.js";
import type { TimerHandler } from "./provider.js";
import { RateLimiter } from "./rate-limit.js";
import { Ring } from "./ring.js";
import { Rng } from "./rng.js";
import { Scheduler, type Timer } from "./scheduler.js";
import type { Settings } from "./settings.js";

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

export interface TenantLimits {
  journalSize: number;
  eventLogSize: number;
}

/** Everything one token owns: a clock, timers, randomness, settings, rate buckets, journal and events. */
export class Tenant {
  readonly clock: VirtualClock;
  readonly scheduler = new Scheduler();
  readonly rng: Rng;
  readonly limiter = new RateLimiter();
  readonly journal: Ring<JournalEntry>;
  readonly events: Ring<DomainEvent>;
  settings: Settings;
  /** What the current change is caused by; the adapters set it, the scheduler sets "timer" while firing. */
  cause: Cause = "request";
  private eventSeq = 0;
  private journalSeq = 0;
  private firingAt: number | null = null;
  private settling = false;

  constructor(
    readonly id: string,
    realNow: RealTime,
    seed: string,
    settings: Settings,
    private readonly timerHandlers: ReadonlyMap<string, TimerHandler>,
    limits: TenantLimits,
  ) {
    this.clock = new VirtualClock(realNow);
    this.rng = new Rng(`${seed}\u0000${id}`);
    this.settings = { ...settings };
    this.journal = new Ring(limits.journalSize);
    this.events = new Ring(limits.eventLogSize);
  }

  /** The tenant's present: the clock, or a timer's deadline while that timer fires. */
  now(): number {
    return this.firingAt ?? this.clock.now();
  }

  schedule(at: number, kind: string, payload: JsonObject): number {
    return this.scheduler.schedule(at, kind, payload);
  }

  cancel(timerId: number | null | undefined): void {
    this.scheduler.cancel(timerId);
  }

  record(event: Omit<DomainEvent, "seq" | "at" | "cause">): void {
    this.events.push({ ...event, seq: ++this.eventSeq, at: this.now(), cause: this.cause });
  }

  log(entry: Omit<JournalEntry, "seq" | "at">): void {
    const { provider, method, path, query, status, requestBody, responseBody } = entry;
    this.journal.push({ seq: ++this.journalSeq, at: this.now(), provider, method, path, query, status, requestBody, responseBody });
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
  advanceReport(ms: number, maxListed: number): FiredReport {
    const report: FiredReport = { fired: [], total: 0 };
    const target = this.clock.now() + ms;
    this.settleInto(target, report, maxListed);
    this.clock.advance(ms);
    return this.settleInto(this.clock.now(), report, maxListed);
  }

  private settleInto(limit: number, report: FiredReport, maxListed: number): FiredReport {
    if (this.settling) return report;
    const previousCause = this.cause;
    this.settling = true;
    try {
      for (let timer = this.scheduler.popDue(limit); timer; timer = this.scheduler.popDue(limit)) {
        const fired = this.fire(timer);
        report.total += 1;
        if (report.fired.length < maxListed) report.fired.push(fired);
      }
    } finally {
      this.settling = false;
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
