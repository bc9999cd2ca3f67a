import type { Answer } from "./answer.js";
import type { CallNotRecorded } from "./call-log.js";

/** Seconds a client is asked to wait before trying a call again when the store did not record it. */
export const STORE_RETRY_AFTER_SECONDS = 1;

/**
 * The sandbox's own answer (not a provider's) when a call could not be recorded in the shared store: the
 * test environment failed, not a simulated provider. Never journaled: the journal is tenant state every
 * replica rebuilds from the log, and this call is not in it (or may be, and then runs on the next call).
 */
export function storeUnavailableAnswer(failure: CallNotRecorded): Answer {
  return {
    status: 503,
    headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) },
    body: {
      error: "sandbox_store_unavailable",
      message: failure.message,
      recorded: failure.maybeRecorded ? "maybe" : "no",
      hint: failure.maybeRecorded
        ? "The call may have been recorded all the same: it then takes effect before the tenant's next call and shows in its journal. Check before sending again a call that is not idempotent."
        : `The call changed nothing: send it again after Retry-After (${STORE_RETRY_AFTER_SECONDS} s).`,
    },
  };
}
