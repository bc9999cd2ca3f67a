import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";

const PactStates = z.object({
  interactions: z.array(z.object({ providerStates: z.array(z.object({ name: z.string() })).optional() })),
});

/**
 * The provider states a pact file names, so a verification can insist that each has a handler (the
 * Verifier only warns about a state without one). Fails when the consumer run has not written the file.
 */
export function pactStateNames(file: string): Set<string> {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npx vitest run --project pact-consumer\` first (npm run test:pact does both)`);
  }
  const pact = PactStates.parse(JSON.parse(readFileSync(file, "utf8")));
  return new Set(pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)));
}
