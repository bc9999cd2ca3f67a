import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { assignDefined } from "./catalogs.js";
import { freshCode } from "./ids.js";
import { PROVIDER, type Landing, type LandingFields } from "./model.js";
import { myshareState } from "./state.js";

export function createLanding(tenant: Tenant, fields: LandingFields): Landing {
  const state = myshareState(tenant);
  const id = freshCode(tenant, 6, (code) => state.landings.has(code));
  const now = tenant.now();
  const landing: Landing = { ...fields, id, createdAt: now, modifiedAt: now };
  state.landings.set(id, landing);
  tenant.record({ provider: PROVIDER, entity: "landing", id, from: null, to: "created", detail: { catalog_id: landing.catalogId } });
  return landing;
}

export function updateLanding(tenant: Tenant, landing: Landing, fields: Partial<LandingFields>): Landing {
  assignDefined(landing, fields);
  landing.modifiedAt = tenant.now();
  return landing;
}

export function deleteLanding(tenant: Tenant, landing: Landing): void {
  peekState(tenant, "myshare")?.landings.delete(landing.id);
  tenant.record({ provider: PROVIDER, entity: "landing", id: landing.id, from: "created", to: "deleted" });
}

export function findLanding(tenant: Tenant, id: string): Landing | undefined {
  return peekState(tenant, "myshare")?.landings.get(id);
}

export function landingsOf(tenant: Tenant, catalogId: string): Landing[] {
  const state = peekState(tenant, "myshare");
  return state === undefined ? [] : [...state.landings.values()].filter((l) => l.catalogId === catalogId);
}
