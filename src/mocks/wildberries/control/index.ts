import { WB_CONTROL } from "../../../contracts/wildberries/control.js";
import { defineControl } from "../../sandbox/control-plug.js";
import { MEDIA_BUDGET_CONTROL } from "./media-budget.js";
import { MEDIA_MODERATION_CONTROL } from "./media-moderation.js";
import { MEDIA_CONTROL } from "./media.js";
import { MODERATION_CONTROL } from "./moderation.js";
import { MONEY_CONTROL } from "./money.js";
import { VIEW_CONTROL } from "./views.js";

/** The Wildberries side the real API has no call for (under /__sandbox): money, the moderator, media campaigns (their creation, moderation and budget). */
export const wildberriesControl = defineControl(WB_CONTROL, { ...MONEY_CONTROL, ...MODERATION_CONTROL, ...MEDIA_CONTROL, ...MEDIA_MODERATION_CONTROL, ...MEDIA_BUDGET_CONTROL, ...VIEW_CONTROL }, {});
