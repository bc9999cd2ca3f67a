import { MsCatalog, MsCatalogList, MsCatalogWriteResponse } from "../../../contracts/myshare/catalog.js";
import { detail, invalid, notFound, reply, withObjectBody, type Call } from "../http/call.js";
import { createCatalog, findCatalog, listCatalogs, updateCatalog } from "../../../state/myshare/catalogs.js";
import { catalogView, catalogWriteView } from "../../../state/myshare/views.js";
import { uuidText } from "../drf/fields.js";
import { paginate } from "../pagination.js";
import { readCatalog, withDefaults } from "../serializers/catalog-input.js";

const TAKEN = { catalog_code: ["catalog with this catalog code already exists."] };

/** GET /catalog/: the tenant's catalogs, oldest first, DRF-paginated. */
export function listCatalogsRoute(call: Call): void {
  const page = paginate(call.req, listCatalogs(call.tenant));
  if (!page.ok) return detail(call.ctx, call.req, call.res, 404, "Invalid page.");
  const { count, next, previous, results } = page;
  reply(call, 200, { count, next, previous, results: results.map((c) => catalogView(call.tenant, c)) }, MsCatalogList);
}

/** POST /catalog/ */
export function createCatalogRoute(call: Call): void {
  withObjectBody(call, (body) => {
    const input = readCatalog(call.tenant, body, false);
    if (!input.ok) return invalid(call, input.errors);
    const fields = withDefaults(input.fields);
    if (fields === undefined) return invalid(call, { title: ["This field is required."] });
    const created = createCatalog(call.tenant, fields);
    if (!created.ok) return invalid(call, TAKEN);
    reply(call, 201, catalogWriteView(call.tenant, created.value), MsCatalogWriteResponse);
  });
}

function catalogOf(call: Call) {
  const id = uuidText(call.id);
  return id === undefined ? undefined : findCatalog(call.tenant, id);
}

/** GET /catalog/{id}/ */
export function getCatalogRoute(call: Call): void {
  const catalog = catalogOf(call);
  if (catalog === undefined) return notFound(call);
  reply(call, 200, catalogView(call.tenant, catalog), MsCatalog);
}

/** PUT (title and catalog_code required) and PATCH /catalog/{id}/ */
export function updateCatalogRoute(partial: boolean) {
  return (call: Call): void => {
    const catalog = catalogOf(call);
    if (catalog === undefined) return notFound(call);
    withObjectBody(call, (body) => {
      const input = readCatalog(call.tenant, body, partial, catalog);
      if (!input.ok) return invalid(call, input.errors);
      const updated = updateCatalog(call.tenant, catalog, input.fields);
      if (!updated.ok) return invalid(call, TAKEN);
      reply(call, 200, catalogWriteView(call.tenant, updated.value), MsCatalogWriteResponse);
    });
  };
}
