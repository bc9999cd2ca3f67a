import type { Answer } from "./answer.js";
import type { CallNotRecorded } from "./call-log.js";

/** Seconds a client is asked to wait before trying a call again when the store did not record it. */
export const STORE_RETRY_AFTER_SECONDS = 1;

/** What a client is told when the embedded store stopped taking writes (fail-stop). */
export const STOPPED_HINT =
  "The sandbox stopped recording calls when its data directory could not be written, and answers this 503 to every call that would be recorded until it is restarted: free space or fix the disk, then restart the sandbox. The restart loads exactly what was durable: every call answered before is kept; this one only if recorded is maybe and its line reached the disk.";

/**
 * The sandbox's own answer (not a provider's) when a call could not be recorded in the store: the
 * test environment failed, not a simulated provider. Never journaled: the journal is tenant state every
 * replica rebuilds from the log, and this call is not in it (or may be, and then runs on the next call).
 */
export function storeUnavailableAnswer(failure: CallNotRecorded): Answer {
  const recorded = failure.maybeRecorded ? "maybe" : "no";
  const body = { error: "sandbox_store_unavailable", message: failure.message, recorded };
  // A stopped store (fail-stop) takes no write until a restart: no Retry-After, the hint says what to do.
  if (failure.storeStopped) return { status: 503, body: { ...body, hint: STOPPED_HINT } };
  return {
    status: 503,
    headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) },
    body: {
      ...body,
      hint: failure.maybeRecorded
        ? "The call may have been recorded all the same: it then takes effect before the tenant's next call and shows in its journal. Check before sending again a call that is not idempotent."
        : `The call changed nothing: send it again after Retry-After (${STORE_RETRY_AFTER_SECONDS} s).`,
    },
  };
}
