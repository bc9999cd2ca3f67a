import { MYSHARE_STATES } from "../../src/mocks/myshare/provider-states.js";
import { WILDBERRIES_STATES } from "../../src/mocks/wildberries/provider-states.js";
import { YOOMONEY_STATES } from "../../src/mocks/yoomoney/provider-states.js";
import { verifyPacts, type VerifyReport } from "../../src/pact/verify.js";
import { pactStateNames } from "./pact-file.js";

const CATALOGUE = new Set([YOOMONEY_STATES, WILDBERRIES_STATES, MYSHARE_STATES].flatMap((states) => Object.values(states).map((state) => state.name)));

/**
 * Verifies one of this project's pact files against a running sandbox the way a user does (`promo-sandbox
 * verify --base-url`): every provider state from the sandbox's catalogue, set up by POST
 * /__sandbox/provider-states for the pact's token. A state the catalogue lacks fails first, by name.
 */
export async function verifyWithCatalogue(file: string, baseUrl: string): Promise<VerifyReport> {
  const unknown = [...pactStateNames(file)].filter((name) => !CATALOGUE.has(name));
  if (unknown.length > 0) throw new Error(`${file} names provider states the catalogue lacks: ${unknown.join(", ")} (docs/provider-states.md lists them)`);
  return verifyPacts({ pacts: [file], baseUrl });
}
