import { z } from "zod";
import { HTTP_METHODS } from "../http/route.js";
import { SandboxInstant, SandboxJson } from "./scalars.js";

/** The longest delay a fault may add, in real milliseconds (a client's own timeout is usually shorter). */
export const FAULT_DELAY_MAX_MS = 30_000;

/** The lowest status a fault may answer: 1xx are interim answers, and a call cannot end with one. */
export const FAULT_STATUS_MIN = 200;
/** From this status up, a fault without a body answers the provider's own error body for the status. */
export const FAULT_OWN_BODY_MIN = 400;

export const SandboxFaultMethod = z.enum(HTTP_METHODS).meta({ id: "SandboxFaultMethod", description: "An HTTP method (a GET fault matches HEAD too)" });

export const SandboxFaultConnection = z.enum(["drop", "reset"]).meta({
  id: "SandboxFaultConnection",
  description: "drop: close the connection without an answer; reset: abort it with a TCP RST",
});

/** A header name as HTTP allows it (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** A header value: visible characters, spaces and tabs, no line breaks. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers the sandbox writes itself from the body it sends. */
const OWN_HEADERS = ["content-length", "content-type", "transfer-encoding", "connection"];

export const SandboxFaultRespond = z
  .strictObject({
    status: z
      .int()
      .min(FAULT_STATUS_MIN, { message: `status must be ${FAULT_STATUS_MIN} to 599 (a 1xx is an interim answer; no call can end with one)` })
      .max(599, { message: "status must be 599 at most" }),
    body: SandboxJson.optional().meta({
      description: "The JSON body to answer; without it, a status of 400 or more answers the provider's own error body and headers for it (below 400: no body)",
    }),
    headers: z
      .record(
        z.string().regex(HEADER_NAME, { message: "a header name must be an HTTP token (letters, digits and !#$%&'*+.^_`|~-)" }),
        z.string().regex(HEADER_VALUE, { message: "a header value must be one line of visible characters" }),
      )
      .refine((headers) => Object.keys(headers).every((name) => !OWN_HEADERS.includes(name.toLowerCase())), {
        message: `the sandbox writes ${OWN_HEADERS.join(", ")} itself (the body is JSON): leave them out`,
      })
      .optional()
      .meta({ description: "Headers to add (over the provider's own, when its body is used)" }),
  })
  .meta({ id: "SandboxFaultRespond", description: "The answer a faulted call gets instead of the real one" });
export type SandboxFaultRespond = z.infer<typeof SandboxFaultRespond>;

/** A window edge given as an instant: ISO-8601 with an offset or Z ("2026-01-16T10:00:00+03:00"). */
export const SandboxFaultInstant = z.iso.datetime({ offset: true });

const WINDOW_EDGE = z
  .string()
  .min(1)
  .meta({ description: 'An ISO-8601 instant ("2026-01-16T10:00:00Z") or an ISO-8601 duration from now on the tenant\'s clock ("PT10H")' });

/** `POST /__sandbox/faults`: what calls a fault matches (every field left out matches any), what it does, and when. */
export const SandboxFaultRequest = z
  .strictObject({
    provider: z.string().min(1).optional().meta({ description: "A provider the sandbox serves (GET /__sandbox/health lists them)" }),
    operation: z.string().min(1).optional().meta({ description: "An operation id of a provider's route table (openapi/<provider>.json operationId)" }),
    method: SandboxFaultMethod.optional(),
    path: z
      .string()
      .regex(/^(\*|\/.*)$/, { message: 'path must start with "/" (or be "*"); end it with "*" to match every path it begins' })
      .optional()
      .meta({ description: 'The path as called, exact, or a prefix ending in "*" ("/adv/v1/*"; "*" matches every path)' }),
    respond: SandboxFaultRespond.optional(),
    delayMs: z
      .int()
      .min(1, { message: "delayMs must be a whole number of milliseconds, 1 or more" })
      .max(FAULT_DELAY_MAX_MS, { message: `delayMs must be ${FAULT_DELAY_MAX_MS} at most (30 s)` })
      .optional()
      .meta({ description: `Real milliseconds to wait before the answer (faulted or real), 1 to ${FAULT_DELAY_MAX_MS}` }),
    connection: SandboxFaultConnection.optional(),
    times: z.int().min(1, { message: "times must be a whole number, 1 or more (leave it out for every matching call)" }).optional().meta({
      description: "Fault the next N matching calls, then never again (it stays listed with remaining 0)",
    }),
    probability: z
      .number()
      .gt(0, { message: "probability must be greater than 0 and at most 1" })
      .max(1, { message: "probability must be greater than 0 and at most 1" })
      .optional()
      .meta({ description: "The chance that a matching call is faulted, drawn from the fault's own seeded generator" }),
    seed: z.string().min(1).optional().meta({ description: "Seeds the fault's generator: the same seed, the same sequence of hits and misses (default: the fault's id)" }),
    from: WINDOW_EDGE.optional(),
    to: WINDOW_EDGE.optional(),
  })
  .superRefine((fault, ctx) => {
    if (fault.respond === undefined && fault.delayMs === undefined && fault.connection === undefined) {
      ctx.addIssue({ code: "custom", path: [], message: "a fault must do something: give respond, delayMs or connection (or delayMs with one of the others)" });
    }
    if (fault.respond !== undefined && fault.connection !== undefined) {
      ctx.addIssue({ code: "custom", path: ["connection"], message: "respond and connection exclude each other: a dropped or reset connection sends no answer" });
    }
    if (fault.seed !== undefined && fault.probability === undefined) {
      ctx.addIssue({ code: "custom", path: ["seed"], message: "seed only seeds the probability draw: give probability too, or leave seed out" });
    }
  })
  .meta({ id: "SandboxFaultRequest" });
export type SandboxFaultRequest = z.infer<typeof SandboxFaultRequest>;

/** A fault as the tenant holds it. */
export const SandboxFault = z
  .object({
    id: z.string().meta({ description: 'The fault\'s id in its tenant ("f1", "f2", ...)' }),
    provider: z.string().optional(),
    operation: z.string().optional(),
    method: SandboxFaultMethod.optional(),
    path: z.string().optional(),
    respond: SandboxFaultRespond.optional(),
    delayMs: z.int().optional(),
    connection: SandboxFaultConnection.optional(),
    times: z.int().optional(),
    probability: z.number().optional(),
    seed: z.string().optional(),
    from: SandboxInstant.optional().meta({ description: "Faults no call before this instant of the tenant's clock" }),
    to: SandboxInstant.optional().meta({ description: "Faults no call from this instant of the tenant's clock on" }),
    remaining: z.int().nullable().meta({ description: "How many more calls it faults (null: no limit; 0: used up)" }),
    applied: z.int().meta({ description: "How many calls it faulted" }),
  })
  .meta({ id: "SandboxFault" });
export type SandboxFault = z.infer<typeof SandboxFault>;

export const SandboxFaults = z.object({ faults: z.array(SandboxFault).meta({ description: "Oldest first; the first that hits a call is applied" }) }).meta({ id: "SandboxFaults" });
export type SandboxFaults = z.infer<typeof SandboxFaults>;

export const SandboxFaultsRemoved = z.object({ removed: z.int().min(0) }).meta({ id: "SandboxFaultsRemoved" });
export type SandboxFaultsRemoved = z.infer<typeof SandboxFaultsRemoved>;

export const SandboxFaultParams = z.object({ id: z.string().meta({ description: 'A fault id ("f1")' }) }).meta({ id: "SandboxFaultParams" });

const EpochMs = z.int().min(0);
const Uint32 = z.int().min(0).max(0xffffffff);

/** One fault in a snapshot: as listed, with its window in epoch ms and its generator's state. */
export const SandboxFaultSnapshot = z
  .strictObject({
    id: z.string().regex(/^f[1-9]\d*$/, { message: 'a fault id is "f" and a number, e.g. "f1"' }),
    provider: z.string().min(1).optional(),
    operation: z.string().min(1).optional(),
    method: SandboxFaultMethod.optional(),
    path: z.string().regex(/^(\*|\/.*)$/).optional(),
    respond: SandboxFaultRespond.optional(),
    delayMs: z.int().min(1).max(FAULT_DELAY_MAX_MS).optional(),
    connection: SandboxFaultConnection.optional(),
    times: z.int().min(1).optional(),
    probability: z.number().gt(0).max(1).optional(),
    seed: z.string().min(1).optional(),
    from: EpochMs.optional(),
    to: EpochMs.optional(),
    remaining: z.int().min(0).nullable(),
    applied: z.int().min(0),
    rng: z.tuple([Uint32, Uint32, Uint32, Uint32]).meta({ description: "The fault's generator state (its probability draws continue from here)" }),
  })
  .meta({ id: "SandboxFaultSnapshot" });
export type SandboxFaultSnapshot = z.infer<typeof SandboxFaultSnapshot>;

/** A tenant's faults in `GET`/`PUT /__sandbox/state` (absent: none). */
export const SandboxFaultsSnapshot = z
  .strictObject({
    nextId: z.int().positive().meta({ description: "The number of the next fault's id" }),
    faults: z.array(SandboxFaultSnapshot),
  })
  .superRefine((snapshot, ctx) => {
    const seen = new Set<string>();
    for (const [index, fault] of snapshot.faults.entries()) {
      if (seen.has(fault.id)) ctx.addIssue({ code: "custom", path: ["faults", index, "id"], message: `fault id ${fault.id} appears twice` });
      seen.add(fault.id);
      if (Number(fault.id.slice(1)) >= snapshot.nextId) {
        ctx.addIssue({ code: "custom", path: ["nextId"], message: `nextId ${snapshot.nextId} must be greater than every fault's number (found ${fault.id})` });
      }
    }
  })
  .meta({ id: "SandboxFaultsSnapshot" });
export type SandboxFaultsSnapshot = z.infer<typeof SandboxFaultsSnapshot>;
