/**
 * The sandbox under fuzz, in its own process so a request that kills it is reported instead of ending
 * the test run. Started by target.ts as `node --import tsx test/fuzz/server-process.ts`: prints its base
 * URL on stdout, answers "probe" messages (IPC) with what it can see from inside, exits when the parent goes.
 */
import { createSandbox } from "../../src/server.js";

export interface ProbeAnswer {
  /** Own properties added to Object.prototype, Array.prototype or Function.prototype since the start. */
  pollution: string[];
  /** Answers that broke their zod contract (the sandbox's validateResponses). */
  contractViolations: string[];
}

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };
const before = new Map(Object.entries(PROTOTYPES).map(([name, proto]) => [name, new Set(Reflect.ownKeys(proto))]));

function pollution(): string[] {
  return Object.entries(PROTOTYPES).flatMap(([name, proto]) =>
    Reflect.ownKeys(proto)
      .filter((key) => before.get(name)?.has(key) !== true)
      .map((key) => `${name}.prototype.${String(key)}`),
  );
}

const sandbox = createSandbox({ settings: { rateLimits: "off" }, validateResponses: true });
const url = await sandbox.listen(0, "127.0.0.1");

process.on("message", (message) => {
  if (message !== "probe") return;
  const answer: ProbeAnswer = {
    pollution: pollution(),
    contractViolations: sandbox.violations.map((v) => `${v.method} ${v.path.slice(0, 200)} -> ${v.status}: ${v.issues.slice(0, 400)}`),
  };
  process.send?.(answer);
});
process.on("disconnect", () => process.exit(0));
process.stdout.write(`${url}\n`);
