import type { CallInput } from "./call-input.js";

/** What recording a call gave: when its step may run, and when its entry is durable. */
export interface Recorded {
  /**
   * Undefined: the step runs at once (the entry is ordered already). Otherwise it runs once this resolves
   * (a shared store: the other replicas' entries before it are applied first).
   */
  ready: Promise<void> | undefined;
  /** Resolves once the entry is durable: the call's answer waits for it. */
  durable: Promise<void>;
}

/**
 * Where the pipeline records the calls that reach a tenant (issue 12), in the tenant's turn, before their
 * steps run: the durable sandbox's log (src/persistence/durable-calls.ts).
 */
export interface CallLog {
  /** Appends the call to tenant `tenantId`'s log; `at` is the real time its step is pinned to. */
  record(tenantId: string, at: number, input: CallInput): Recorded;
  /** Resolves once the registry-level records made so far (issued tokens, passwords) are durable. */
  flushed(): Promise<void>;
}
