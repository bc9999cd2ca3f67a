import { withTenantFaker } from "../kernel/faker.js";
import { stateOf } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { uuid4 } from "./ids.js";
import type { MyshareState, Profile } from "./model.js";

declare module "../kernel/provider-states.js" {
  interface ProviderStates {
    myshare: MyshareState;
  }
}

/** The business partner the tenant's token stands for: ids and company data, drawn once per tenant. */
export function newProfile(tenant: Tenant): Profile {
  const businessPartnerId = uuid4(tenant);
  const categoryId = uuid4(tenant);
  const companyName = withTenantFaker(tenant, (f) => f.company.name());
  return {
    businessPartnerId,
    companyName,
    companyLogo: `https://api.myshare.systems/media/business_partner/${businessPartnerId}/logo.png`,
    categoryId,
    categoryName: "Education",
  };
}

export function emptyState(profile: Profile): MyshareState {
  return {
    profile,
    catalogs: new Map(),
    offers: new Map(),
    landings: new Map(),
    partners: new Map(),
    promos: new Map(),
    deals: new Map(),
    dealIds: new Map(),
  };
}

/** The tenant's myshare data, created on first use. A reset tenant is a new object, so it starts empty. */
export function myshareState(tenant: Tenant): MyshareState {
  return stateOf(tenant, "myshare", freshState);
}

const freshState = (tenant: Tenant): MyshareState => emptyState(newProfile(tenant));
