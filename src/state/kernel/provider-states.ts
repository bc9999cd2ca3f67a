/**
 * Each provider's per-tenant state, by the provider's key. The kernel knows no provider: each one adds
 * its entry where it defines its state, by declaration merging,
 *
 *   declare module "../kernel/provider-states.js" {
 *     interface ProviderStates { yoomoney: YooMoneyState }
 *   }
 *
 * and reads and writes it through tenant-states.ts (stateOf, peekState, replaceState), typed by key.
 * The Tenant object holds the states, so a reset (which replaces the Tenant) drops them all.
 */
// Empty here on purpose: every member comes from a provider's augmentation.
export interface ProviderStates {}
