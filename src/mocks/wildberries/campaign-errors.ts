import type { BidError } from "../../state/wildberries/campaign-bids.js";
import type { WbSaveAdRequest } from "../../contracts/wildberries/campaigns.js";
import { MAX_NAME, type AuctionError, type AutoCampaignErrors } from "../../state/wildberries/campaign-create.js";
import { WB_CONFIG } from "../../state/wildberries/config.js";
import type { Answer } from "../http/answer.js";
import { errorText } from "./answers.js";
import { NO_FUNDS, TOP_UP_TEXTS } from "./budget-errors.js";
import type { ErrorTexts } from "../error-texts.js";

/** POST /adv/v1/save-ad's `{"error"}` text for each refusal of the domain. */
export const AUTO_CAMPAIGN_TEXTS: ErrorTexts<AutoCampaignErrors> = {
  ...TOP_UP_TEXTS,
  type: () => "Некорректный тип кампании: для автоматической кампании type = 8",
  name: ({ max }) => `Некорректное название кампании: от 1 до ${max} символов`,
  unknownSubject: ({ subjectId }) => `Некорректный предмет ${subjectId}: у продавца нет товаров этого предмета (см. GET /adv/v1/supplier/subjects)`,
  noNms: () => "Не переданы артикулы WB (nms)",
  tooManyNms: ({ max }) => `Превышено максимальное количество артикулов WB: ${max}`,
  foreignNm: ({ nm, subjectId }) => `Артикул WB ${nm} не найден среди товаров продавца с предметом ${subjectId} (см. POST /adv/v2/supplier/nms)`,
  source: () => "Некорректный тип списания btype: 0 — счёт, 1 — баланс, 3 — бонусы",
  funds: () => NO_FUNDS,
};

/** POST /adv/v1/save-ad: a field of the wrong JSON type names itself (`{"error"}`). */
export const SAVE_AD_FIELD_TEXTS: Record<keyof typeof WbSaveAdRequest.shape, string> = {
  type: AUTO_CAMPAIGN_TEXTS.type({ kind: "type" }),
  name: AUTO_CAMPAIGN_TEXTS.name({ kind: "name", max: MAX_NAME }),
  subjectId: "Некорректный предмет: subjectId — целое число из GET /adv/v1/supplier/subjects",
  sum: "Некорректная сумма пополнения: sum — целое число рублей",
  btype: AUTO_CAMPAIGN_TEXTS.source({ kind: "source" }),
  on_pause: "Некорректное значение on_pause: true или false",
  nms: "Некорректный список артикулов WB: nms — массив целых чисел",
  cpm: "Некорректная ставка: cpm — целое число рублей",
};

/** POST /adv/v2/seacat/save-ad's bare-string text for each refusal. */
export const AUCTION_TEXTS: Record<AuctionError, string> = {
  name: "Некорректное название",
  noNms: "must provide at least one nm id",
  tooManyNms: `Превышено максимальное количество товаров в кампании: ${WB_CONFIG.maxNmCount}`,
  foreignNm: "Нет доступных категорий для рк. Создайте новую кампанию для попадания в текущие категории",
};

const BID_NOT_CHANGED = "Размер ставки не изменен";

/** POST /adv/v0/cpm: a wrong parameter is 400, a bid the campaign cannot take 422. */
export const BID_ANSWERS: Record<BidError, Answer> = {
  type: errorText(400, "Некорректное значение параметра type"),
  param: errorText(400, "Некорректное значение параметра param"),
  instrument: errorText(400, "Некорректное значение параметра instrument"),
  tooLow: errorText(422, BID_NOT_CHANGED),
  status: errorText(422, BID_NOT_CHANGED),
};
