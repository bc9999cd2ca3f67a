import { PactV4 } from "@pact-foundation/pact";
import { describe, expect, it } from "vitest";
import { given } from "../../src/pact/states.js";
import { YOOMONEY_STATES } from "../../src/mocks/yoomoney/provider-states.js";

describe("given", () => {
  it("gives Pact's given(name, params) the state's name and its params as JSON, undefined ones left out", () => {
    const [name, params] = given(YOOMONEY_STATES.campaign, { status: "verified", unusedPins: 0, pinPrefix: undefined });
    expect([name, params]).toEqual(["a YooMoney campaign exists", { status: "verified", unusedPins: 0 }]);
    expect(Object.keys(params)).toEqual(["status", "unusedPins"]);
    // Type-checked by `npm run typecheck`: pact-js's given takes what given returns, spread.
    const interaction = new PactV4({ consumer: "c", provider: "p" }).addInteraction().given(...given(YOOMONEY_STATES.offerTaken, { takenHoursAgo: 340 }));
    expect(interaction).toBeDefined();
  });

  it("refuses params the state's schema refuses, naming the state and the param", () => {
    expect(() => given(YOOMONEY_STATES.campaign, { unusedPins: -1 })).toThrow(/^given\("a YooMoney campaign exists"\): unusedPins: /);
  });
});
