import { fail, ok, type Result } from "../kernel/result.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { freshCode, freshUuid } from "./ids.js";
import { PROVIDER, type Catalog, type CatalogFields } from "./model.js";
import { myshareState } from "./state.js";

export type CatalogError = { kind: "catalogCodeTaken"; catalogCode: string };

/** catalog_code is unique within the tenant (the tenant is the sandbox's whole platform). */
export function catalogCodeTaken(tenant: Tenant, code: string, exceptId?: string): boolean {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return false;
  for (const catalog of state.catalogs.values()) if (catalog.catalogCode === code && catalog.id !== exceptId) return true;
  return false;
}

export function createCatalog(tenant: Tenant, fields: CatalogFields): Result<Catalog, CatalogError> {
  if (catalogCodeTaken(tenant, fields.catalogCode)) return fail({ kind: "catalogCodeTaken", catalogCode: fields.catalogCode });
  const state = myshareState(tenant);
  const id = freshUuid(tenant, (candidate) => state.catalogs.has(candidate));
  const taken = new Set([...state.catalogs.values()].map((c) => c.publicId));
  const publicId = freshCode(tenant, 5, (code) => taken.has(code));
  const now = tenant.now();
  const catalog: Catalog = { ...fields, offerGeo: [...fields.offerGeo], localizations: [...fields.localizations], id, publicId, createdAt: now, modifiedAt: now };
  state.catalogs.set(id, catalog);
  tenant.record({ provider: PROVIDER, entity: "catalog", id, from: null, to: "created", detail: { catalog_code: catalog.catalogCode, catalog_id: publicId } });
  return ok(catalog);
}

/** Applies the fields sent (PUT and PATCH alike: DRF keeps the fields a PUT leaves out). */
export function updateCatalog(tenant: Tenant, catalog: Catalog, fields: Partial<CatalogFields>): Result<Catalog, CatalogError> {
  if (fields.catalogCode !== undefined && catalogCodeTaken(tenant, fields.catalogCode, catalog.id)) {
    return fail({ kind: "catalogCodeTaken", catalogCode: fields.catalogCode });
  }
  assignDefined(catalog, fields);
  catalog.modifiedAt = tenant.now();
  return ok(catalog);
}

/** Copies the entries of `fields` that are set onto `target` (a Partial may carry explicit undefineds). */
export function assignDefined<T extends object>(target: T, fields: Partial<T>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) Reflect.set(target, key, value);
  }
}

export function findCatalog(tenant: Tenant, id: string): Catalog | undefined {
  return peekState(tenant, "myshare")?.catalogs.get(id);
}

export function catalogByCode(tenant: Tenant, catalogCode: string): Catalog | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const catalog of state.catalogs.values()) if (catalog.catalogCode === catalogCode) return catalog;
  return undefined;
}

export function catalogByPublicId(tenant: Tenant, publicId: string): Catalog | undefined {
  const state = peekState(tenant, "myshare");
  if (state === undefined) return undefined;
  for (const catalog of state.catalogs.values()) if (catalog.publicId === publicId) return catalog;
  return undefined;
}

/** The tenant's catalogs, oldest first. */
export function listCatalogs(tenant: Tenant): Catalog[] {
  const state = peekState(tenant, "myshare");
  return state === undefined ? [] : [...state.catalogs.values()];
}
