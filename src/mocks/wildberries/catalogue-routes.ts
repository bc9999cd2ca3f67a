import { WbConfig, WbSupplierNms, WbSupplierNmsRequest, WbSupplierSubjects } from "../../contracts/wildberries/catalogue.js";
import { nmsOfSubjects, subjectsWithCounts } from "../../state/wildberries/catalogue.js";
import { WB_CONFIG_ENTRIES } from "../../state/wildberries/config.js";
import { wildberriesState } from "../../state/wildberries/state.js";
import { errorText, json } from "./answers.js";
import type { WbHandlers } from "./route.js";

const BAD_BODY = "Ошибка обработки тела запроса";

/** The seller's configuration and catalogue: GET /adv/v0/config, /adv/v1/supplier/subjects, POST /adv/v2/supplier/nms. */
export const CATALOGUE_HANDLERS = {
  getConfig: () => json({ config: WB_CONFIG_ENTRIES.map((e) => ({ description: e.description, name: e.name, value: e.value })) }, WbConfig),
  getSupplierSubjects: ({ tenant }) => {
      const subjects = subjectsWithCounts(wildberriesState(tenant).catalogue);
      return json(subjects.length === 0 ? null : subjects, WbSupplierSubjects);
    },
  getSupplierNms: ({ tenant, body: { value: body, malformed } }) => {
      if (malformed) return errorText(400, BAD_BODY);
      const ids = body === undefined || body === null ? [] : WbSupplierNmsRequest.safeParse(body);
      if (!Array.isArray(ids) && !ids.success) return errorText(400, BAD_BODY);
      const subjectIds = Array.isArray(ids) ? ids : ids.data;
      return json(nmsOfSubjects(wildberriesState(tenant).catalogue, subjectIds), WbSupplierNms);
    },
} satisfies WbHandlers;
