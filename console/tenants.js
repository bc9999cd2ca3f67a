// The admin's list of tenants (only with the admin token the sandbox was started with: --admin-token).
import { button, fill, h, onChange, table, when } from "./dom.js";

/** @typedef {import("./types.js").TenantSummary} TenantSummary */

/**
 * Whether `api`'s token is the sandbox's admin token (GET /__sandbox/tenants answers only that one).
 * @param {import("./api.js").Api} api
 */
export async function isAdmin(api) {
  const response = await api.raw("/tenants");
  return response.status === 200;
}

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @param {(token: string) => void} open Switches the console to a tenant's token.
 * @returns {import("./types.js").Panel}
 */
export function createTenantsPanel(root, ctx, open) {
  const { api } = ctx;
  const body = h("div", {});

  /** @param {string} tenant */
  const openTenant = async (tenant) => {
    try {
      /** @type {import("./types.js").Token} */
      const issued = await api.post("/tokens", { tenant });
      open(issued.token);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
  };

  const show = onChange((/** @type {TenantSummary[]} */ tenants) =>
    fill(
      body,
      table(
        ["tenant", "created (real time)", "last used (real time)", "tokens", ""],
        tenants,
        (t) =>
          h(
            "tr",
            { "data-tenant": t.tenant },
            h("td", { class: "mono" }, t.tenant),
            h("td", {}, when(t.createdAt)),
            h("td", {}, when(t.lastUsedAt)),
            h("td", { class: "num" }, t.tokens),
            h("td", { class: "actions" }, button("Open", () => openTenant(t.tenant), { "data-action": "open" })),
          ),
        "No tenants yet.",
        { "data-testid": "tenants" },
      ),
    ),
  );

  root.append(h("h2", {}, "Tenants"), h("p", { class: "muted" }, "Open one to act as it: the console asks POST /__sandbox/tokens for a token of that tenant."), body);
  return {
    async refresh() {
      /** @type {{ tenants: TenantSummary[] }} */
      const page = await api.get("/tenants");
      show(page.tenants);
    },
  };
}
