import { ErrorResponse } from "../../contracts/yoomoney/envelope.js";
import type { YmOperationId } from "../../contracts/yoomoney/routes.js";
import { incorrectData } from "./errors.js";
import type { RawBody } from "../http/body-reader.js";
import type { BodyError } from "../http/body-errors.js";
import type { BodyOutcome } from "../http/dialect.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../http/json-depth.js";
import { parseJsonInSlices } from "../http/sliced-json.js";
import { PIN_SLICE } from "./add-pins.js";
import { errorBody } from "./errors.js";
import type { YmBody } from "./route.js";

/** incorrectData naming the body: 413 for one over the limit, 400 for any other that cannot be taken. */
function refused(status: 400 | 413, detail: string): BodyOutcome<YmBody> {
  return { ok: false, answer: { status, body: errorBody(incorrectData("body", detail)), schema: ErrorResponse } };
}

function unreadable(problem: BodyError): BodyOutcome<YmBody> {
  if (problem.kind === "tooLarge") return refused(413, `The request body is larger than ${problem.limit} bytes; split the upload into several calls`);
  if (problem.kind === "tooDeep") return refused(400, `The request body nests deeper than ${problem.limit} levels; send the flat JSON object the method documents`);
  return refused(400, `The request body could not be read (${problem.message})`);
}

const notJson = (error: unknown): BodyOutcome<YmBody> =>
  refused(400, `The request body is not valid JSON (${error instanceof Error ? error.message : "invalid JSON"})`);

/** add-pins' long pinList is parsed in slices, with turns of the event loop between them. */
async function parsePinUpload(text: string): Promise<BodyOutcome<YmBody>> {
  try {
    const body = await parseJsonInSlices(text, "pinList", PIN_SLICE);
    return { ok: true, body, journal: body };
  } catch (error) {
    return notJson(error);
  }
}

/**
 * A YooMoney body as its method receives it: any JSON value (the method's contract then says what is
 * wrong with it), `{}` when none was sent; an unreadable, too deep or too large one is incorrectData.
 */
export function parseYmBody(read: RawBody, id: YmOperationId | undefined): BodyOutcome<YmBody> | Promise<BodyOutcome<YmBody>> {
  if (!read.ok) return unreadable(read.error);
  const raw = read.bytes;
  if (raw === undefined) return { ok: true, body: {}, journal: {} };
  if (nestsDeeperThan(raw)) return unreadable({ kind: "tooDeep", limit: MAX_JSON_DEPTH });
  const text = raw.toString("utf8");
  if (id === "addPins") return parsePinUpload(text);
  try {
    const body: unknown = JSON.parse(text);
    return { ok: true, body, journal: body };
  } catch (error) {
    return notJson(error);
  }
}
