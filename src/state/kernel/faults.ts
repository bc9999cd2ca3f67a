import type { HttpMethod } from "../../contracts/http/route.js";
import type { SandboxFaultsSnapshot } from "../../contracts/sandbox/faults.js";
import type { JsonObject, JsonValue } from "./json.js";
import { Rng } from "./rng.js";

/** What a faulted call gets instead of its real answer: a status, and a body and headers if given. */
export interface FaultResponse {
  status: number;
  /** The body as given; undefined: the provider's own error body for the status (400 and up), none below. */
  body?: JsonValue | undefined;
  headers?: Readonly<Record<string, string>> | undefined;
}

/**
 * A fault as made: which calls it matches (a field left undefined matches any), what it does to them,
 * how many it may fault (`times`), how likely (`probability`, drawn from its own generator seeded by
 * `seed`, default its id) and when: `from` (inclusive) to `to` (exclusive), epoch ms on the tenant's clock.
 */
export interface FaultSpec {
  provider?: string | undefined;
  operation?: string | undefined;
  method?: HttpMethod | undefined;
  /** The path as called, exact, or a prefix ending in "*". */
  path?: string | undefined;
  respond?: FaultResponse | undefined;
  delayMs?: number | undefined;
  connection?: "drop" | "reset" | undefined;
  times?: number | undefined;
  probability?: number | undefined;
  seed?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** A fault the tenant holds: its spec, its id, and how it has been used. */
export interface Fault extends Readonly<FaultSpec> {
  readonly id: string;
  /** How many more calls it faults; null: no limit; 0: used up (it stays listed). */
  readonly remaining: number | null;
  /** How many calls it faulted. */
  readonly applied: number;
}

/** A provider call as the faults see it. */
export interface FaultCall {
  provider: string;
  operation: string;
  method: string;
  path: string;
}

/** A fault that hit a call: the fault after the hit, and what it had remaining before. */
export interface FaultHit {
  fault: Fault;
  remainingBefore: number | null;
}

interface Held {
  spec: FaultSpec;
  id: string;
  remaining: number | null;
  applied: number;
  /** Made on the first draw (only a fault with a probability draws). */
  rng: Rng | undefined;
}

function matchesPath(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

function matchesCall(spec: FaultSpec, call: FaultCall): boolean {
  if (spec.provider !== undefined && spec.provider !== call.provider) return false;
  if (spec.operation !== undefined && spec.operation !== call.operation) return false;
  // HEAD is GET without a body: a GET fault matches it too.
  if (spec.method !== undefined && spec.method !== call.method && !(spec.method === "GET" && call.method === "HEAD")) return false;
  if (spec.path !== undefined && !matchesPath(spec.path, call.path)) return false;
  return true;
}

function withinWindow(spec: FaultSpec, now: number): boolean {
  return (spec.from === undefined || now >= spec.from) && (spec.to === undefined || now < spec.to);
}

function generatorOf(held: Held): Rng {
  return (held.rng ??= new Rng(`fault\u0000${held.spec.seed ?? held.id}`));
}

function view(held: Held): Fault {
  return { ...held.spec, id: held.id, remaining: held.remaining, applied: held.applied };
}

/**
 * A tenant's faults, oldest first: `take` finds the first that hits a call (it matches the call, the
 * tenant's clock is within its window, it has calls remaining and its probability draw says yes) and
 * counts the hit. Ids are "f1", "f2", ... per tenant, never reused until a reset.
 */
export class Faults {
  private held: Held[] = [];
  private nextNumber = 1;

  /** Whether there are none (the pipeline's quick check on every call). */
  get empty(): boolean {
    return this.held.length === 0;
  }

  /** Whether any fault was ever made (a snapshot then carries the faults part). */
  get used(): boolean {
    return this.nextNumber > 1;
  }

  add(spec: FaultSpec): Fault {
    const held: Held = { spec: { ...spec }, id: `f${this.nextNumber++}`, remaining: spec.times ?? null, applied: 0, rng: undefined };
    this.held.push(held);
    return view(held);
  }

  list(): Fault[] {
    return this.held.map(view);
  }

  /** Removes one fault; false when there is none of that id. */
  remove(id: string): boolean {
    const before = this.held.length;
    this.held = this.held.filter((held) => held.id !== id);
    return this.held.length < before;
  }

  /** Removes every fault; how many there were. */
  clear(): number {
    const count = this.held.length;
    this.held = [];
    return count;
  }

  /**
   * The first fault that hits `call` at `now`, counted as applied (and one fewer remaining), or undefined.
   * A fault with a probability draws only for calls it otherwise hits, so its sequence is the sequence of
   * those calls.
   */
  take(call: FaultCall, now: number): FaultHit | undefined {
    for (const held of this.held) {
      if (held.remaining === 0 || !matchesCall(held.spec, call) || !withinWindow(held.spec, now)) continue;
      if (held.spec.probability !== undefined && held.spec.probability < 1 && generatorOf(held).next() >= held.spec.probability) continue;
      const remainingBefore = held.remaining;
      held.applied += 1;
      if (held.remaining !== null) held.remaining -= 1;
      return { fault: view(held), remainingBefore };
    }
    return undefined;
  }

  snapshot(): SandboxFaultsSnapshot {
    return {
      nextId: this.nextNumber,
      faults: this.held.map((held) => {
        const { respond, ...spec } = held.spec;
        return {
          ...spec,
          ...(respond === undefined ? {} : { respond: { ...respond, headers: respond.headers === undefined ? undefined : { ...respond.headers } } }),
          id: held.id,
          remaining: held.remaining,
          applied: held.applied,
          rng: generatorOf(held).snapshot(),
        };
      }),
    };
  }

  /** Faults as a snapshot holds them (checked by SandboxFaultsSnapshot). */
  static restore(snapshot: SandboxFaultsSnapshot): Faults {
    const faults = new Faults();
    faults.nextNumber = snapshot.nextId;
    for (const saved of snapshot.faults) {
      const { id, remaining, applied, rng, ...spec } = saved;
      const generator = new Rng("");
      generator.restore(rng);
      faults.held.push({ spec, id, remaining, applied, rng: generator });
    }
    return faults;
  }
}

/** What a hit did, as an event's detail: the call it hit and the fault's action. */
export function faultDetail(hit: FaultHit, call: FaultCall): JsonObject {
  const { fault } = hit;
  const detail: JsonObject = { operation: call.operation, method: call.method, path: call.path, applied: fault.applied };
  if (fault.delayMs !== undefined) detail.delayMs = fault.delayMs;
  if (fault.respond !== undefined) detail.status = fault.respond.status;
  if (fault.connection !== undefined) detail.connection = fault.connection;
  return detail;
}
