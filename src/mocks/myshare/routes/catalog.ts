import { MsCatalog, MsCatalogList, MsCatalogWriteResponse } from "../../../contracts/myshare/catalog.js";
import { createCatalog, findCatalog, listCatalogs, updateCatalog } from "../../../state/myshare/catalogs.js";
import type { Catalog } from "../../../state/myshare/model.js";
import { catalogView, catalogWriteView } from "../views.js";
import type { Answer } from "../../http/answer.js";
import { detail, invalid, json, notFound } from "../answers.js";
import { uuidText } from "../drf/fields.js";
import { paginate } from "../pagination.js";
import { idOf, type MsCall, type MsHandlers } from "../route.js";
import { readCatalog, withDefaults } from "../serializers/catalog-input.js";

const TAKEN = { catalog_code: ["catalog with this catalog code already exists."] };

function catalogOf(call: MsCall): Catalog | undefined {
  const id = uuidText(idOf(call));
  return id === undefined ? undefined : findCatalog(call.tenant, id);
}

/** PUT (title and catalog_code required) and PATCH /catalog/{id}/ */
function updateCatalogRoute(partial: boolean) {
  return (call: MsCall): Answer => {
    const catalog = catalogOf(call);
    if (catalog === undefined) return notFound();
    const read = call.body.object();
    if (!read.ok) return read.answer;
    const input = readCatalog(call.tenant, read.body, partial, catalog);
    if (!input.ok) return invalid(input.errors);
    const updated = updateCatalog(call.tenant, catalog, input.fields);
    if (!updated.ok) return invalid(TAKEN);
    return json(200, catalogWriteView(call.tenant, updated.value), MsCatalogWriteResponse);
  };
}

/** /catalog/ and /catalog/{id}/ */
export const CATALOG_HANDLERS = {
  /** The tenant's catalogs, oldest first, DRF-paginated. */
  listCatalogs: ({ tenant, exchange }) => {
    const page = paginate(exchange, listCatalogs(tenant));
    if (!page.ok) return detail(404, "Invalid page.");
    const { count, next, previous, results } = page;
    return json(200, { count, next, previous, results: results.map((c) => catalogView(tenant, c)) }, MsCatalogList);
  },
  createCatalog: ({ tenant, body }) => {
    const read = body.object();
    if (!read.ok) return read.answer;
    const input = readCatalog(tenant, read.body, false);
    if (!input.ok) return invalid(input.errors);
    const fields = withDefaults(input.fields);
    if (fields === undefined) return invalid({ title: ["This field is required."] });
    const created = createCatalog(tenant, fields);
    if (!created.ok) return invalid(TAKEN);
    return json(201, catalogWriteView(tenant, created.value), MsCatalogWriteResponse);
  },
  getCatalog: (call) => {
    const catalog = catalogOf(call);
    return catalog === undefined ? notFound() : json(200, catalogView(call.tenant, catalog), MsCatalog);
  },
  putCatalog: updateCatalogRoute(false),
  patchCatalog: updateCatalogRoute(true),
} satisfies MsHandlers;
