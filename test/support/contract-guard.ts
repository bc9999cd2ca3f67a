/**
 * Setup file of the "unit" project (vitest.config.ts). Response contracts are checked per sandbox:
 * test/support/sandbox.ts makes every sandbox a test creates assert, after the test, that no
 * response broke its zod contract. Nothing global is needed here.
 */
export {};
