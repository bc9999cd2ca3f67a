import { SandboxHealth } from "../../contracts/sandbox/health.js";
import type { OpenHandler } from "../http/handler.js";
import { reply } from "./answers.js";
import type { ControlBody } from "./control-plug.js";

/** `GET /health`: no token needed; the version and the providers served. */
export function healthHandler(version: string): OpenHandler<ControlBody> {
  return ({ registry }) => reply(200, { status: "ok", version, providers: registry.options.providers.map((p) => p.name) }, SandboxHealth);
}
