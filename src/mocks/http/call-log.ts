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
  /**
   * Watches the registry-level records (issued tokens, login passwords) made from now on, by the call about
   * to run its step: its answer waits for them (see RecordWatch). End it once the call is done.
   */
  watchRecords(): RecordWatch;
  /**
   * Set once the store stopped taking writes (fail-stop: a write to the data directory failed): what failed
   * and what to do. Every call that would be recorded is refused until a restart; health reports it.
   */
  readonly stopped?: string | undefined;
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

/** The registry-level records a call made (src/mocks/http/pipeline.ts waits for them before answering). */
export interface RecordWatch {
  /**
   * Resolves once every record made since the watch began is durable; rejects with CallNotRecorded when one
   * could not be written (its token or password is then withdrawn: it does not work in this process either).
   * Undefined when the call made none (most calls: nothing to wait for).
   */
  durable(): Promise<void> | undefined;
  /** Stops watching (the call is answered or failed). */
  end(): void;
}

/**
 * The call could not be recorded in its tenant's log, or a token or password it made could not be recorded (the
 * shared store is unreachable or refused the write; the data directory could not be written). The pipeline
 * answers the sandbox's own 503, never a provider's error.
 */
export class CallNotRecorded extends Error {
  override name = "CallNotRecorded";
  constructor(
    message: string,
    /** Whether the entry may have been recorded all the same (then it runs on the tenant's next call). */
    readonly maybeRecorded: boolean,
    /**
     * Whether the store stopped taking writes (fail-stop, the embedded store after a failed write): no call
     * is recorded until the sandbox is restarted, so retrying does not help.
     */
    readonly storeStopped = false,
  ) {
    super(message);
  }
}
