import { z } from "zod";
import { SandboxInstant, SandboxJson } from "./scalars.js";

/** `GET /__sandbox/clock`, `POST /__sandbox/clock/resume`. */
export const SandboxClock = z
  .object({ now: SandboxInstant, frozen: z.boolean() })
  .meta({ id: "SandboxClock" });
export type SandboxClock = z.infer<typeof SandboxClock>;

/** One timer that fired while the clock moved: its deadline, its kind, its payload and the handler's detail. */
export const SandboxFiredTimer = z
  .object({ at: SandboxInstant, kind: z.string() })
  .catchall(SandboxJson)
  .meta({ id: "SandboxFiredTimer", description: "A timer that fired: at, kind, then its payload and detail fields" });
export type SandboxFiredTimer = z.infer<typeof SandboxFiredTimer>;

/** `POST /__sandbox/clock/advance`. The adapter parses `by` itself to name the accepted forms on error. */
export const SandboxAdvanceRequest = z
  .object({
    by: z.union([
      z.string().meta({ description: "ISO-8601 duration P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S, e.g. PT15M or P1DT0.5S" }),
      z.int().positive().meta({ description: "Milliseconds" }),
    ]),
  })
  .meta({ id: "SandboxAdvanceRequest" });
export type SandboxAdvanceRequest = z.infer<typeof SandboxAdvanceRequest>;

const firedList = z.array(SandboxFiredTimer).meta({ description: "The timers that fired, in order; at most the first 1000" });
const firedTotal = z.int().nonnegative().meta({ description: "How many timers fired in all (more than fired lists when over 1000)" });

export const SandboxAdvance = z
  .object({ now: SandboxInstant, fired: firedList, firedTotal })
  .meta({ id: "SandboxAdvance" });
export type SandboxAdvance = z.infer<typeof SandboxAdvance>;

/** `POST /__sandbox/clock/freeze` (body optional). */
export const SandboxFreezeRequest = z
  .object({
    at: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: "Freeze at this instant (not earlier than the tenant's now); default now" }),
  })
  .meta({ id: "SandboxFreezeRequest" });
export type SandboxFreezeRequest = z.infer<typeof SandboxFreezeRequest>;

export const SandboxFreeze = z
  .object({ now: SandboxInstant, frozen: z.literal(true), fired: firedList, firedTotal })
  .meta({ id: "SandboxFreeze" });
export type SandboxFreeze = z.infer<typeof SandboxFreeze>;
