import { defineConfig } from "vitest/config";

// Three projects, run as separate commands by `npm test` (see package.json):
// the Pact consumer must write its pact before the provider verification reads it.
export default defineConfig({
  test: {
    env: { PACT_DO_NOT_TRACK: "true" },
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/state/**/*.test.ts", "test/mocks/**/*.test.ts", "test/contracts/openapi*.test.ts", "test/contracts/*conformance*.test.ts", "test/e2e/**/*.test.ts", "test/fuzz/**/*.test.ts"],
          setupFiles: ["test/support/contract-guard.ts"],
        },
      },
      { extends: true, test: { name: "pact-consumer", include: ["test/contracts/*.consumer.pact.test.ts"], pool: "forks", fileParallelism: false } },
      { extends: true, test: { name: "pact-provider", include: ["test/contracts/*.provider.pact.test.ts"], pool: "forks", fileParallelism: false } },
    ],
  },
});
