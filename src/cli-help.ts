import type { ProviderPlug } from "./mocks/plug.js";
import { VERSION } from "./version.js";

/** `promo-sandbox --help`: the providers come from the plugs (src/providers.ts), the flags are the command's. */
export function helpText(providers: readonly ProviderPlug[]): string {
  const served = providers.map((plug) => `  ${plug.servedAt}`).join("\n");
  return `promo-sandbox ${VERSION}: a stateful sandbox of promotion and affiliate provider APIs.

Providers:
${served}
  the control plane under /__sandbox/ (tokens, clock, settings, state, journal, events, provider helpers)

Usage:
  promo-sandbox [start] [options]     serve the providers and the control plane (/__sandbox)
  promo-sandbox openapi --write       write openapi/*.json from the zod contracts
  promo-sandbox openapi --check       exit 1 when the committed openapi/*.json drift from the contracts

Options for start:
  --port N                     port to listen on (default 8787; 0 picks a free one)
  --host ADDR                  address to bind (default 127.0.0.1; use 0.0.0.0 in a container)
  --seed TEXT                  seeds every tenant's generated ids and values: same seed + same calls
                               = same answers (default "promo-sandbox")
  --rate-limits enforce|off    default per-tenant rate limiting; off never answers 429 (default enforce)
  --consistency realistic|immediate
                               realistic delays what a provider shows after a change as the real one
                               does (Wildberries: status actions at the next minute, bids at the next
                               30 s, lists after the 3-minute sync); immediate shows every change at
                               once (default realistic)
  --moderation manual|auto     manual: YooMoney campaigns wait for POST /__sandbox/yoomoney/campaigns/{id}/moderation;
                               auto: approved 5 virtual minutes after submission (default manual)
  --state-file PATH            keep every tenant in this JSON file: loaded at start when it exists, written
                               (atomically) shortly after changes and on shutdown; default: memory only
  --auth open|strict           open: any token is a tenant of its own, created on first use;
                               strict: only tokens the sandbox issued (users/login, POST /__sandbox/tokens),
                               and they expire on the tenant's virtual clock (default open)
  --admin-token TEXT           the control plane's admin token (or env PROMO_SANDBOX_ADMIN_TOKEN; the flag
                               wins): only it may take a token for a named tenant (POST /__sandbox/tokens
                               {"tenant"}) and list tenants (GET /__sandbox/tenants); without it, strict mode
                               lets no one name a tenant (default: none)
  --request-timeout SECONDS    real seconds a client has to send a whole request (headers and body); a
                               slower one is answered 408 and its connection closed (default 30)
  --tenant-ttl SECONDS         evict a tenant idle that long in real time (no call of any kind): it is gone
                               as after a reset, its issued tokens too, and leaves the state file at the
                               next save; 0 never evicts (default 86400: a day)
  -h, --help                   this text
`;
}
