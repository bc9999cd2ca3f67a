import { WB_ROUTES } from "../../contracts/wildberries/routes.js";
import { tokenFromHeader } from "../../state/kernel/tenants.js";
import type { SandboxContext } from "../http/context.js";
import type { Exchange } from "../http/exchange.js";
import { compileRoutes } from "../http/route-matcher.js";
import { scopeRefusal, wildberriesClaims, type WbScopeRefusal } from "./token-claims.js";

/**
 * The gateway's check of a Wildberries-style token's claims, before the token names a tenant (so before
 * the rate limit: a refused call costs nothing): why it is refused, or undefined to go on. The expiry is read
 * on the clock of the tenant the token names (open mode: the token itself), so a clock advance expires
 * it. In strict mode a token the sandbox did not issue is left to the registry's own refusal (the
 * sandbox's tokens carry no `s` claim).
 */
export function tokenScopeCheck(ctx: SandboxContext): (exchange: Exchange) => WbScopeRefusal | undefined {
  const lookup = compileRoutes(WB_ROUTES);
  const registry = ctx.registry;
  return (exchange) => {
    const token = tokenFromHeader(exchange.req.headers.authorization);
    const claims = wildberriesClaims(token);
    if (claims === undefined) return undefined;
    if (registry.options.auth === "strict" && registry.tokens.lookup(token) === undefined) return undefined;
    const match = lookup(exchange.method, exchange.path);
    const operation = match.kind === "route" ? match.id : undefined;
    const now = registry.peek(token)?.clock.now() ?? registry.options.realNow();
    return scopeRefusal(claims, operation, now);
  };
}
