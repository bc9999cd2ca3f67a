import type { TenantRegistry } from "../../state/kernel/tenants.js";

/** A response that did not match its contract (collected when response validation is on). */
export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  issues: string;
}

/** What every adapter shares: the tenants, and whether responses are checked against their contracts. */
export interface SandboxContext {
  registry: TenantRegistry;
  version: string;
  validateResponses: boolean;
  violations: ContractViolation[];
}
