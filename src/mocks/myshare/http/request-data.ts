import type { RawBody } from "../../http/body-reader.js";
import type { Exchange } from "../../http/exchange.js";
import { detail, invalid } from "../answers.js";
import { asObject } from "../drf/form.js";
import type { MsBody, RequestObject } from "../route.js";
import { parseBody, unreadableDetail } from "./body.js";

/**
 * DRF's request.data over a body already read: nothing is parsed until the view asks, then once. A body
 * that parses is journaled as parsed (the exchange's journalBody), whether or not it is an object.
 */
export function requestData(read: RawBody, exchange: Exchange): MsBody {
  let outcome: RequestObject | undefined;
  const parse = (): RequestObject => {
    if (!read.ok) return { ok: false, answer: detail(400, unreadableDetail(read.error)) };
    const parsed = parseBody(exchange.req.headers["content-type"], read.bytes);
    if (!parsed.ok) return { ok: false, answer: detail(parsed.status, parsed.detail) };
    exchange.journalBody = parsed.data;
    const object = asObject(parsed.data);
    return object.ok ? object : { ok: false, answer: invalid(object.errors) };
  };
  return {
    object: () => (outcome ??= parse()),
  };
}
