import { z } from "zod";
import { SandboxFaultsSnapshot } from "./faults.js";
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS, SandboxJson, SandboxTenantId } from "./scalars.js";
import { SandboxSettings } from "./settings.js";

/** An instant on a tenant's clock, epoch ms between 1970 and the end of 9999. */
const EpochMs = z.int().min(EARLIEST_INSTANT_MS).max(LATEST_INSTANT_MS);

const Uint32 = z.int().min(0).max(0xffffffff);

export const SandboxClockSnapshot = z
  .object({
    offsetMs: z.int().min(-LATEST_INSTANT_MS).max(LATEST_INSTANT_MS).meta({ description: "Virtual time minus real time, ms (while running)" }),
    frozenAt: EpochMs.nullable()
      .meta({ description: "The epoch ms the clock is frozen at, or null when it runs" }),
  })
  .meta({ id: "SandboxClockSnapshot" });
export type SandboxClockSnapshot = z.infer<typeof SandboxClockSnapshot>;

export const SandboxTimer = z
  .object({
    id: z.int().positive(),
    at: EpochMs.meta({ description: "Deadline, epoch ms on the tenant's clock" }),
    kind: z.string().min(1),
    payload: z.record(z.string(), SandboxJson),
  })
  .meta({ id: "SandboxTimer" });
export type SandboxTimer = z.infer<typeof SandboxTimer>;

export const SandboxSchedulerSnapshot = z
  .object({
    nextId: z.int().positive().meta({ description: "The id the next timer gets; above every timer's id" }),
    timers: z.array(SandboxTimer),
  })
  .superRefine((scheduler, ctx) => {
    const seen = new Set<number>();
    for (const [index, timer] of scheduler.timers.entries()) {
      if (seen.has(timer.id)) {
        ctx.addIssue({ code: "custom", path: ["timers", index, "id"], message: `timer id ${timer.id} appears twice` });
      }
      seen.add(timer.id);
      if (timer.id >= scheduler.nextId) {
        ctx.addIssue({
          code: "custom",
          path: ["nextId"],
          message: `nextId ${scheduler.nextId} must be greater than every timer id (found ${timer.id})`,
        });
      }
    }
  })
  .meta({ id: "SandboxSchedulerSnapshot" });
export type SandboxSchedulerSnapshot = z.infer<typeof SandboxSchedulerSnapshot>;

/** `GET`/`PUT /__sandbox/state`: a tenant's whole state as plain JSON. */
export const SandboxState = z
  .object({
    schemaVersion: z.literal(1),
    tenant: SandboxTenantId.meta({ description: "The tenant it was exported from (informational on import)" }),
    clock: SandboxClockSnapshot,
    settings: SandboxSettings,
    rng: z.tuple([Uint32, Uint32, Uint32, Uint32]).meta({ description: "The tenant's PRNG state (four uint32 words)" }),
    scheduler: SandboxSchedulerSnapshot,
    providers: z
      .record(z.string(), SandboxJson)
      .meta({ description: "Each provider's own state by provider name; a missing provider starts empty" }),
    faults: SandboxFaultsSnapshot.optional().meta({ description: "The tenant's faults (POST /__sandbox/faults); absent: none" }),
  })
  .meta({ id: "SandboxState" });
export type SandboxState = z.infer<typeof SandboxState>;

/**
 * SandboxState as an import reads it: each provider's part is left to that provider's own schema (its import
 * checks it whole), so the kernel does not walk it a second time as "any JSON" (data from JSON.parse is JSON
 * already; for a 1M-code tenant that walk took ~0.4 s of a restart). Not a document of its own.
 */
export const SandboxStateInput = SandboxState.extend({ providers: z.record(z.string(), z.unknown()) });

export const SandboxStateImported = z
  .object({ tenant: SandboxTenantId, imported: z.literal(true) })
  .meta({ id: "SandboxStateImported" });
export type SandboxStateImported = z.infer<typeof SandboxStateImported>;
