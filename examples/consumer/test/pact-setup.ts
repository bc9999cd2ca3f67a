import { fileURLToPath } from "node:url";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";

/** Where the pacts go: `promo-sandbox verify pacts` reads them. */
export const PACT_DIR = fileURLToPath(new URL("../pacts", import.meta.url));

/** This service, as the pacts name it. */
export const CONSUMER = "promotions-service";

/** A Pact mock provider for one API; every test file writes one pact file, pacts/promotions-service-<provider>.json. */
export function pactWith(provider: string): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider, dir: PACT_DIR, logLevel: "warn" });
}

/** Every JSON answer's Content-Type (the sandbox adds a charset). */
export const JSON_ANSWER = { "Content-Type": MatchersV3.regex("^application/json(;.*)?$", "application/json; charset=utf-8") };
