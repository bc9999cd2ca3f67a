import { numberField } from "../kernel/timer-payload.js";

/** The campaign (promotion or media) every Wildberries campaign timer is for: `{"advertId": n}`. */
export const ADVERT_ID = numberField("advertId");
