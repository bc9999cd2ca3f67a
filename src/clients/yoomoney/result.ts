import type { z } from "zod";
import type { CampaignState, ErrorResponse } from "../../contracts/yoomoney/index.js";

/** The `errors` object of the YooMoney error envelope: code, value, description and the failing field. */
export type YmErrorDetail = ErrorResponse["errors"];

/** What every client call resolves to: the method's result, or the error envelope's contents. */
export type YmResult<T> =
  | { ok: true; httpStatus: number; result: T }
  | {
      ok: false;
      httpStatus: number;
      error: YmErrorDetail;
      /** The campaign's current id and status, when the error concerns one. */
      result?: z.infer<typeof CampaignState>;
    };
