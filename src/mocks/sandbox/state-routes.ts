import { SandboxReset } from "../../contracts/sandbox/reset.js";
import type { SandboxRoutes } from "../../contracts/sandbox/routes.js";
import { SandboxState, SandboxStateImported } from "../../contracts/sandbox/state.js";
import { exportSnapshot, importSnapshot } from "../../state/kernel/snapshot.js";
import { fail, reply } from "./answers.js";
import type { SomeControlHandlers } from "./control-plug.js";

/** `POST /reset`, `GET`/`PUT /state`: wipe, export or replace the caller's whole tenant. */
export const STATE_HANDLERS = {
  reset: ({ registry, tenant }) => {
    registry.reset(tenant.id);
    return reply(200, { tenant: tenant.id, reset: true }, SandboxReset);
  },
  exportState: ({ registry, tenant }) => reply(200, exportSnapshot(registry, tenant), SandboxState),
  importState: ({ registry, tenant, body }) => {
    if (body === undefined || (typeof body === "object" && body !== null && Object.keys(body).length === 0)) {
      return fail(400, "invalid_state", "the body is empty: send a snapshot as GET /__sandbox/state returns it");
    }
    const result = importSnapshot(registry, tenant.id, body);
    if (!result.ok) return fail(400, "invalid_state", `the snapshot was not imported and the tenant is unchanged: ${result.error}`);
    return reply(200, { tenant: tenant.id, imported: true }, SandboxStateImported);
  },
} satisfies SomeControlHandlers<SandboxRoutes>;
