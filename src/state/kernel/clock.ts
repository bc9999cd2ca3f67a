/**
 * A tenant's virtual clock: real time plus an offset, or frozen at an instant.
 * Real time is injected (the domain never reads the system clock itself).
 */
export type RealTime = () => number;

export interface ClockSnapshot {
  offsetMs: number;
  frozenAt: number | null;
}

export class VirtualClock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  constructor(private readonly realNow: RealTime) {}

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offsetMs;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  /** Moves the clock forward by `ms` (frozen or running). */
  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Stops the clock at `at` (default: now). */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  /** Lets the clock run again from the instant it was frozen at. */
  resume(): void {
    if (this.frozenAt === null) return;
    this.offsetMs = this.frozenAt - this.realNow();
    this.frozenAt = null;
  }

  snapshot(): ClockSnapshot {
    return { offsetMs: this.offsetMs, frozenAt: this.frozenAt };
  }

  restore(snapshot: ClockSnapshot): void {
    this.offsetMs = snapshot.offsetMs;
    this.frozenAt = snapshot.frozenAt;
  }
}
