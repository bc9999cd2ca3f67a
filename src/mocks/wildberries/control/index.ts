import { WB_CONTROL } from "../../../contracts/wildberries/control.js";
import { defineControl } from "../../sandbox/control-plug.js";
import { MEDIA_CONTROL } from "./media.js";
import { MODERATION_CONTROL } from "./moderation.js";
import { MONEY_CONTROL } from "./money.js";

/** The Wildberries side the real API has no call for (under /__sandbox): money, the moderator, media campaigns. */
export const wildberriesControl = defineControl(WB_CONTROL, { ...MONEY_CONTROL, ...MODERATION_CONTROL, ...MEDIA_CONTROL }, {});
