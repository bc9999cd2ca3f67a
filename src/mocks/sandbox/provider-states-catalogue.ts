import type { z } from "zod";
import type { Result } from "../../state/kernel/result.js";
import type { Tenant } from "../../state/kernel/tenant.js";

/** What a provider state gives back: the ids it created, by name, for Pact's `fromProviderState("${name}")`. */
export type StateValues = Readonly<Record<string, string | number>>;

/** What a state's setup may do besides calling the domain on its (reset) tenant. */
export interface StateSetupContext {
  /** The reset tenant the interaction will use. */
  tenant: Tenant;
  /** Moves the tenant's virtual clock forward by `ms`, firing every timer that falls due (in slices when long). */
  advance(ms: number): Promise<void>;
}

/**
 * One named, parameterised provider state: its params are a zod object (every field optional or defaulted,
 * so `given(name)` alone works), its setup acts through the domain on a reset tenant and returns the ids it
 * created, or why it could not (a sentence naming the param to change).
 */
export interface CatalogueState<P extends z.ZodObject = z.ZodObject, V extends StateValues = StateValues> {
  /** The exact name a pact's `given(...)` uses. */
  readonly name: string;
  /** The provider it sets up ("yoomoney"). */
  readonly provider: string;
  /** One sentence: what exists after it. */
  readonly summary: string;
  readonly params: P;
  /** The values it returns, each with what it is (for the docs and the 400 of an unknown name). */
  readonly returns: { readonly [K in keyof V]: string };
  /** A params example for the docs (must parse). */
  readonly example: z.input<P>;
  setup(ctx: StateSetupContext, params: z.output<P>): Promise<Result<V, string>> | Result<V, string>;
}

/** A state of the catalogue, its param and value types kept for `given(...)` in consumer tests. */
export function catalogueState<P extends z.ZodObject, V extends StateValues>(state: CatalogueState<P, V>): CatalogueState<P, V> {
  return state;
}

/** Any state of the catalogue, whatever its params (what the endpoint and the docs loop over). */
export interface AnyCatalogueState {
  readonly name: string;
  readonly provider: string;
  readonly summary: string;
  readonly params: z.ZodObject;
  readonly returns: Readonly<Record<string, string>>;
  readonly example: unknown;
  /** Parses `params` with the state's schema, then sets it up. */
  run(ctx: StateSetupContext, params: unknown): Promise<StateRun>;
}

/** A state's outcome: its values, or why its params or its setup failed. */
export type StateRun = { ok: true; values: StateValues } | { ok: false; kind: "params" | "setup"; reason: string };

/** Erases a state's param types, keeping the parse next to the setup that needs it. */
export function anyState<P extends z.ZodObject, V extends StateValues>(state: CatalogueState<P, V>): AnyCatalogueState {
  return {
    name: state.name,
    provider: state.provider,
    summary: state.summary,
    params: state.params,
    returns: state.returns,
    example: state.example,
    async run(ctx, raw) {
      const parsed = state.params.safeParse(raw ?? {});
      if (!parsed.success) {
        return { ok: false, kind: "params", reason: parsed.error.issues.map((i) => `${i.path.join(".") || "params"}: ${i.message}`).join("; ") };
      }
      const result = await state.setup(ctx, parsed.data);
      return result.ok ? { ok: true, values: result.value } : { ok: false, kind: "setup", reason: result.error };
    },
  };
}

/** A provider's states as a list for its plug (the typed object stays exported for consumer tests). */
export function stateList(states: Readonly<Record<string, CatalogueState<z.ZodObject, StateValues>>>): readonly AnyCatalogueState[] {
  return Object.values(states).map((state) => anyState(state));
}
