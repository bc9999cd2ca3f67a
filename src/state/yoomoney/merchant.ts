import type { MerchantKind } from "../../contracts/yoomoney/enums.js";
import { peekState } from "../kernel/tenant-states.js";
import type { Tenant } from "../kernel/tenant.js";
import { DEFAULT_MERCHANT_KIND } from "./model.js";
import { yoomoneyState } from "./state.js";

/**
 * Whether the partner is a store or an aggregator. "The aggregator or store is determined by the token"
 * (research §2): the token names the tenant, so the kind is the tenant's. Reading it creates nothing.
 */
export function merchantKindOf(tenant: Tenant): MerchantKind {
  return peekState(tenant, "yoomoney")?.merchantKind ?? DEFAULT_MERCHANT_KIND;
}

/**
 * Makes the partner a store or an aggregator (the control plane's remote for the contract YooMoney signs).
 * It decides what later approvals do; campaigns already approved keep their status. A change is an event.
 */
export function setMerchantKind(tenant: Tenant, kind: MerchantKind): MerchantKind {
  const state = yoomoneyState(tenant);
  if (state.merchantKind !== kind) {
    tenant.record({ provider: "yoomoney", entity: "merchant", id: tenant.id, from: state.merchantKind, to: kind });
    state.merchantKind = kind;
  }
  return state.merchantKind;
}
