import { z } from "zod";

/** The tenant a provider-state call without an Authorization header sets up (open mode only). */
export const DEFAULT_PACT_TENANT = "pact";

/**
 * `POST /__sandbox/provider-states`: Pact's provider-state change request. pact-js and the Rust verifier
 * send `{state, params, action}` once per state; the older Ruby verifier `{consumer, state, states}`.
 */
export const SandboxProviderStateRequest = z
  .object({
    consumer: z.string().optional().meta({ description: "The consumer whose pact is verified (informative)" }),
    state: z.string().optional().meta({ description: "The state's name, as the pact's given() wrote it" }),
    states: z.array(z.string()).optional().meta({ description: "Several states, set up in order after one reset" }),
    params: z.record(z.string(), z.unknown()).nullable().optional().meta({ description: "The state's parameters (see docs/provider-states.md)" }),
    action: z.enum(["setup", "teardown"]).optional().meta({ description: "setup (default) resets the tenant and sets the state up; teardown does nothing" }),
  })
  .meta({ id: "SandboxProviderStateRequest" });
export type SandboxProviderStateRequest = z.infer<typeof SandboxProviderStateRequest>;

/** The values the states created (ids, codes, dates), for Pact's `fromProviderState("${name}")`. */
export const SandboxProviderStateValues = z
  .record(z.string(), z.union([z.string(), z.number()]))
  .meta({ id: "SandboxProviderStateValues", description: "The ids and values the states created, by name" });
export type SandboxProviderStateValues = z.infer<typeof SandboxProviderStateValues>;
