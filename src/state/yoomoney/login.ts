import type { TenantRegistry } from "../kernel/tenants.js";

export const TOKEN_LIFETIME_SECONDS = 3600;

/**
 * users/login: a JWT valid for an hour of the tenant's virtual time. The sandbox checks no password; the
 * login names the tenant, so logging in again reaches the same campaigns.
 */
export function login(registry: TenantRegistry, loginName: string): { accessToken: string; tokenType: "Bearer"; expiresIn: number } {
  const tenant = registry.get(`yoomoney:${loginName}`);
  const issued = registry.tokens.issue(tenant.id, loginName, tenant.now() + TOKEN_LIFETIME_SECONDS * 1000);
  return { accessToken: issued.token, tokenType: "Bearer", expiresIn: TOKEN_LIFETIME_SECONDS };
}
