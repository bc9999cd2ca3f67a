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
  /**
   * A shared store: learns the tokens and passwords other replicas issued that this call may need (a token
   * unknown here, or a call acting on no tenant such as a login) before the call's tenant is named.
   * Undefined when there is nothing to learn (the usual case: no round trip).
   */
  catchUp?(authorization: string | undefined, registryCall: boolean): Promise<void> | undefined;
  /**
   * A shared store: its tenants in use (not idle past the TTL) with their real first and last use, loaded here
   * or not (a replica loads a tenant on its first call), for GET /__sandbox/tenants. Undefined otherwise.
   */
  storedTenants?(): Promise<ReadonlyArray<{ tenant: string; createdAt: number; lastUsedAt: number }> | undefined>;
}

/**
 * The call could not be recorded in its tenant's log (the shared store is unreachable or refused the write):
 * its step did not run here. The pipeline answers the sandbox's own 503, never a provider's error.
 */
export class CallNotRecorded extends Error {
  override name = "CallNotRecorded";
  constructor(
    message: string,
    /** Whether the entry may have been recorded all the same (then it runs on the tenant's next call). */
    readonly maybeRecorded: boolean,
  ) {
    super(message);
  }
}
