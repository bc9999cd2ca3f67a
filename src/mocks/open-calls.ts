import type { Tenant } from "../state/kernel/tenant.js";
import type { TenantRegistry } from "../state/kernel/tenants.js";
import type { Exchange } from "./http/exchange.js";

/**
 * The calls the server is handling right now. The registry asks it before evicting an idle tenant, so a
 * call that is still reading its body or waiting never loses its tenant half-way; when a call ends, its
 * tenant's idle time starts again (idle means no call of any kind, counted from the end of the last one).
 */
export class OpenCalls {
  private calls = new Set<Exchange>();

  /** Tracks a call from its arrival until its response is closed (sent or aborted). */
  open(exchange: Exchange, registry: TenantRegistry): void {
    this.calls.add(exchange);
    exchange.res.once("close", () => {
      this.calls.delete(exchange);
      if (exchange.tenant !== undefined) registry.touch(exchange.tenant);
    });
  }

  /** Whether a call of `tenant` is under way (a look at the open calls only, a handful at a time). */
  holds(tenant: Tenant): boolean {
    for (const call of this.calls) if (call.tenant === tenant) return true;
    return false;
  }

  get size(): number {
    return this.calls.size;
  }
}
