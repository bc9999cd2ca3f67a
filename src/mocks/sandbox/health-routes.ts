import { SandboxHealth, SandboxHealthFailed } from "../../contracts/sandbox/health.js";
import type { OpenHandler } from "../http/handler.js";
import { reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";

/**
 * `GET /health`: no token needed; the version and the providers served. 503 once the store stopped taking
 * writes (`stopped()` says why): a load balancer takes the sandbox out and a container healthcheck fails, as
 * it should, for only a restart brings it back.
 */
export function healthHandler(version: string, stopped: () => string | undefined = () => undefined): OpenHandler<ControlBody> {
  return ({ registry }) => {
    const providers = registry.options.providers.map((p) => p.name);
    const message = stopped();
    if (message !== undefined) return reply(503, { status: "store_failed", version, providers, message }, SandboxHealthFailed);
    return reply(200, { status: "ok", version, providers }, SandboxHealth);
  };
}
