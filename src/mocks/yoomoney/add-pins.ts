import { setImmediate as nextTurn } from "node:timers/promises";
import type { z } from "zod";
import * as C from "../../contracts/yoomoney/index.js";
import { PIN_PATTERN } from "../../contracts/yoomoney/pins.js";
import { fail, type Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { addPinSlice, closePinUpload, openPinUpload, type AddPinsOutcome } from "../../state/yoomoney/pins.js";
import type { Answer } from "../http/answer.js";
import { runExclusive } from "../http/tenant-queue.js";
import { errorBody, type YmError } from "./errors.js";
import { refusalError } from "./refusals.js";
import { parseBody } from "./parse.js";

/**
 * Codes checked or stored in one go. An upload of more runs in slices of this many: between slices the
 * event loop serves other tenants while this tenant's later calls wait (tenant-queue.ts). A slice takes
 * a few milliseconds (bench/tenant-isolation.ts).
 */
export const PIN_SLICE = 20_000;

type AddPinsInput = z.infer<typeof C.AddPinsRequest>;

/** A JSON object body whose pinList is a non-empty array (the only case worth checking code by code). */
interface Upload {
  body: object;
  list: readonly unknown[];
}

function uploadOf(body: unknown): Upload | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const list: unknown = Reflect.get(body, "pinList");
  return Array.isArray(list) && list.length > 0 ? { body, list } : undefined;
}

/** The first index in [from, to) whose element is not a valid code (PinContent), or -1. */
function firstBadPin(list: readonly unknown[], from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = list[i];
    if (typeof code !== "string" || !PIN_PATTERN.test(code)) return i;
  }
  return -1;
}

/** Whether every element of a list firstBadPin found no fault in is a code (narrows the list's type). */
const allCodes = (list: readonly unknown[], bad: number): list is readonly string[] => bad === -1;

/**
 * The add-pins contract, with the codes checked by a loop rather than by zod one element at a time: zod
 * checks the body with only one code in pinList (the first faulty one, else the first), and a problem
 * in that code is named by its index in the whole list. The first problem and its wording are those of
 * parseBody(AddPinsRequest, body): the key fields come before pinList, and the codes before the faulty
 * one are all valid.
 */
function checkAddPins({ body, list }: Upload, bad: number): Result<AddPinsInput, YmError> {
  const probeIndex = bad === -1 ? 0 : bad;
  const probe = { ...body, pinList: [list[probeIndex]] };
  const checked = parseBody(C.AddPinsRequest, probe, (path) =>
    path[0] === "pinList" && path[1] === 0 ? ["pinList", probeIndex, ...path.slice(2)] : path,
  );
  if (!checked.ok) return checked;
  // Not reached (a faulty code fails the probe); zod on the whole body keeps the answer right regardless.
  if (!allCodes(list, bad)) return parseBody(C.AddPinsRequest, body);
  return { ok: true, value: { ...checked.value, pinList: [...list] } };
}

function answer(result: Result<AddPinsOutcome, YmError>): Answer {
  if (!result.ok) return { status: 200, body: errorBody(result.error, "addPins"), schema: C.ErrorResponse };
  const { ymCampaignId, campaignStatus, counters } = result.value;
  return {
    status: 200,
    schema: C.AddPinsResponse,
    body: {
      status: "success",
      result: {
        ymCampaignId,
        campaignStatus,
        counters: {
          unusedPinCount: counters.unused,
          acceptedPinCount: counters.accepted,
          redeemedPinCount: counters.redeemed,
          totalPinCount: counters.total,
        },
      },
    },
  };
}

/**
 * campaigns/add-pins as steps: check the codes slice by slice, then check the key and the campaign,
 * then store the codes slice by slice, then close the upload (its one pinList event, the restart rule).
 * Each step is synchronous domain work; a `yield` marks where a slice ends.
 */
function* addPinsSteps(tenant: Tenant, body: unknown): Generator<void, Answer, void> {
  const upload = uploadOf(body);
  let bad = -1;
  const list = upload?.list ?? [];
  for (let from = 0; from < list.length && bad === -1; from += PIN_SLICE) {
    if (from > 0) yield;
    bad = firstBadPin(list, from, Math.min(list.length, from + PIN_SLICE));
  }
  const input = upload === undefined ? parseBody(C.AddPinsRequest, body) : checkAddPins(upload, bad);
  if (!input.ok) return answer(input);
  const opened = openPinUpload(tenant, input.value);
  if (!opened.ok) return answer(fail(refusalError(opened.error)));
  const codes = input.value.pinList;
  for (let from = 0; from < codes.length; from += PIN_SLICE) {
    if (from > 0) yield;
    addPinSlice(opened.value, codes.length <= PIN_SLICE ? codes : codes.slice(from, from + PIN_SLICE));
  }
  return answer({ ok: true, value: closePinUpload(tenant, opened.value) });
}

/** campaigns/add-pins in one go. */
function addPinsAtOnce(tenant: Tenant, body: unknown): Answer {
  const steps = addPinsSteps(tenant, body);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * campaigns/add-pins as its handler runs it: an upload of more than PIN_SLICE codes runs in slices, as a
 * long job of the tenant (its later calls wait until it is done); the answer and the state after are
 * those of one call in one go.
 */
export function addPinsInSlices(tenant: Tenant, body: unknown): Answer | Promise<Answer> {
  const upload = uploadOf(body);
  if (upload === undefined || upload.list.length <= PIN_SLICE) return addPinsAtOnce(tenant, body);
  return runExclusive(tenant, async () => {
    const steps = addPinsSteps(tenant, body);
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      await nextTurn();
    }
  });
}
