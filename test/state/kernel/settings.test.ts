import { describe, expect, expectTypeOf, it } from "vitest";
import {
  SandboxConsistencyMode,
  SandboxModerationMode,
  SandboxRateLimitMode,
  SandboxSettings,
} from "../../../src/contracts/sandbox/settings.js";
import {
  CONSISTENCY_MODES,
  DEFAULT_SETTINGS,
  MODERATION_MODES,
  RATE_LIMIT_MODES,
  type Settings,
} from "../../../src/state/kernel/settings.js";

describe("settings: kernel and contract agree", () => {
  it("the contract's enums list exactly the kernel's modes", () => {
    expect(SandboxRateLimitMode.options).toEqual([...RATE_LIMIT_MODES]);
    expect(SandboxConsistencyMode.options).toEqual([...CONSISTENCY_MODES]);
    expect(SandboxModerationMode.options).toEqual([...MODERATION_MODES]);
    expectTypeOf<SandboxSettings>().toEqualTypeOf<Settings>();
  });

  it("the defaults are enforce / realistic / manual and satisfy the contract", () => {
    expect(DEFAULT_SETTINGS).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "manual" });
    expect(SandboxSettings.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });
});
