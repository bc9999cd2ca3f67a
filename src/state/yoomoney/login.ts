import type { TenantRegistry } from "../kernel/tenants.js";
import { fail, ok, type Result } from "../kernel/result.js";

export const TOKEN_LIFETIME_SECONDS = 3600;

export interface LoginAnswer {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
}

/** Why users/login refused: in strict mode, a name that logged in before with another password. */
export type LoginRefusal = "wrongPassword";

/**
 * users/login with its password. The login names the tenant (`yoomoney:<login>`), so logging in again
 * reaches the same campaigns. Open mode checks no password (any non-empty one works, as before). Strict
 * mode checks it as the real service does: the first login of a name sets its password, later logins
 * need the same one, else `wrongPassword` and no token. `random` gives fresh random text (the adapter
 * draws it from node:crypto): the token's nonce, which makes it unguessable, and a new name's salt.
 */
export function loginWithPassword(
  registry: TenantRegistry,
  credentials: { login: string; password: string },
  random: () => string,
): Result<LoginAnswer, LoginRefusal> {
  if (registry.options.auth === "strict" && registry.credentials.check(credentials.login, credentials.password, random) === "mismatched") {
    return fail("wrongPassword");
  }
  const tenant = registry.get(`yoomoney:${credentials.login}`);
  const issued = registry.tokens.issue(tenant.id, credentials.login, tenant.now() + TOKEN_LIFETIME_SECONDS * 1000, random());
  return ok({ accessToken: issued.token, tokenType: "Bearer", expiresIn: TOKEN_LIFETIME_SECONDS });
}
