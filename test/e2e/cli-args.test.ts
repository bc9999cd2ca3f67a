import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { envName, parseCommandLine, unknownVariables, type Invocation } from "../../src/cli-args.js";
import { COMMANDS } from "../../src/cli-commands.js";
import { helpText } from "../../src/cli-help.js";
import { START_COMMAND, START_FLAGS } from "../../src/cli-start.js";
import { editDistance, nearest } from "../../src/mocks/http/nearest-name.js";
import { PROVIDERS } from "../../src/providers.js";
import { VERSION } from "../../src/version.js";
import { CLI, runCli } from "../support/cli.js";

const parse = (argv: string[], env: Record<string, string> = {}): Invocation => parseCommandLine(argv, COMMANDS, env);
/** The message parseCommandLine refuses `argv` (and `env`) with. */
const refusal = (argv: string[], env: Record<string, string> = {}): string => {
  try {
    parse(argv, env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`accepted: ${argv.join(" ")}`);
};
const started = (argv: string[], env: Record<string, string> = {}) => {
  const invocation = parse(argv, env);
  if (invocation.kind !== "run") throw new Error(`not a command: ${invocation.kind}`);
  return invocation;
};

describe("the nearest known name", () => {
  it("counts a swap of two neighbours as one edit", () => {
    expect(editDistance("prot", "port")).toBe(1);
    expect(editDistance("seeed", "seed")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("suggests only a close name, the first of equally close ones", () => {
    expect(nearest("prot", ["port", "host"])).toBe("port");
    expect(nearest("Port", ["host", "port"])).toBe("port");
    expect(nearest("hst", ["port", "host"])).toBe("host");
    expect(nearest("x", ["h", "v"])).toBeUndefined();
    expect(nearest("no-such-flag", Object.keys(START_FLAGS))).toBeUndefined();
  });
});

describe("promo-sandbox's command line", () => {
  it("names an unknown flag, suggests the nearest and points to --help", () => {
    expect(refusal(["--prot", "9000"])).toBe("unknown flag --prot; did you mean --port? See promo-sandbox --help");
    expect(refusal(["--statefile", "x"])).toBe("unknown flag --statefile; did you mean --state-file? See promo-sandbox --help");
    expect(refusal(["--verison"])).toBe("unknown flag --verison; did you mean --version? See promo-sandbox --help");
    expect(refusal(["--no-such-flag"])).toBe("unknown flag --no-such-flag; see promo-sandbox --help");
    expect(refusal(["-x"])).toBe("unknown flag -x; see promo-sandbox --help");
    expect(refusal(["openapi", "--chek"])).toBe("unknown flag --chek; did you mean --check? See promo-sandbox --help");
  });

  it("says when a flag belongs to another command", () => {
    expect(refusal(["--check"])).toBe("--check is a flag of the openapi command, not of start; see promo-sandbox --help");
    expect(refusal(["openapi", "--port", "1"])).toBe("--port is a flag of the start command, not of openapi; see promo-sandbox --help");
  });

  it("names an unknown command, suggests the nearest and lists the commands", () => {
    expect(refusal(["strat"])).toBe('unknown command "strat" (commands: start, openapi, verify); did you mean "start"? See promo-sandbox --help');
    expect(refusal(["serve"])).toBe('unknown command "serve" (commands: start, openapi, verify); see promo-sandbox --help');
    expect(refusal(["start", "now"])).toBe('start takes no arguments, got "now"; see promo-sandbox --help');
  });

  it("refuses a flag without its value, and a switch with one", () => {
    expect(refusal(["--port"])).toBe("--port needs a value (--port N); see promo-sandbox --help");
    expect(refusal(["--seed", "--port", "1"])).toBe('--seed needs a value (--seed TEXT), got the flag "--port"; a value that starts with "-" goes as --seed=--port');
    expect(started(["--seed=-x"]).input.value(START_FLAGS.seed)).toBe("-x");
    expect(refusal(["openapi", "--check=yes"])).toBe("--check takes no value; see promo-sandbox --help");
    expect(refusal(["--version=2"])).toBe("--version takes no value; see promo-sandbox --help");
  });

  it("answers --help and --version (-h, -v) before anything else is checked", () => {
    expect(parse(["--version"])).toEqual({ kind: "version" });
    expect(parse(["-v"])).toEqual({ kind: "version" });
    expect(parse(["openapi", "-h"])).toEqual({ kind: "help" });
    expect(parse(["--help"], { PROMO_SANDBOX_PORT: "nope" })).toEqual({ kind: "help" });
  });

  it("reads each start flag's variable, PROMO_SANDBOX_ and the flag's name, the flag winning", () => {
    expect(Object.keys(START_FLAGS).map(envName)).toEqual([
      "PROMO_SANDBOX_PORT",
      "PROMO_SANDBOX_HOST",
      "PROMO_SANDBOX_SEED",
      "PROMO_SANDBOX_RATE_LIMITS",
      "PROMO_SANDBOX_CONSISTENCY",
      "PROMO_SANDBOX_MODERATION",
      "PROMO_SANDBOX_STATE_FILE",
      "PROMO_SANDBOX_DATA_DIR",
      "PROMO_SANDBOX_STORE",
      "PROMO_SANDBOX_AUTH",
      "PROMO_SANDBOX_ADMIN_TOKEN",
      "PROMO_SANDBOX_REQUEST_TIMEOUT",
      "PROMO_SANDBOX_TENANT_TTL",
      "PROMO_SANDBOX_LOG_LEVEL",
      "PROMO_SANDBOX_LOG_FORMAT",
    ]);
    const env = { PROMO_SANDBOX_PORT: "9001", PROMO_SANDBOX_RATE_LIMITS: "off", PROMO_SANDBOX_STATE_FILE: "/data/state.json", PROMO_SANDBOX_TENANT_TTL: "60" };
    const fromEnv = started([], env).input;
    expect(fromEnv.value(START_FLAGS.port)).toBe(9001);
    expect(fromEnv.value(START_FLAGS["rate-limits"])).toBe("off");
    expect(fromEnv.value(START_FLAGS["state-file"])).toBe("/data/state.json");
    expect(started([], { PROMO_SANDBOX_DATA_DIR: "/data" }).input.value(START_FLAGS["data-dir"])).toBe("/data");
    expect(started([], { PROMO_SANDBOX_STORE: "redis://redis:6379/0" }).input.value(START_FLAGS.store)).toBe("redis://redis:6379/0");
    expect(fromEnv.value(START_FLAGS["tenant-ttl"])).toBe(60);
    expect(fromEnv.value(START_FLAGS.seed)).toBeUndefined();
    const flagWins = started(["--port", "9002", "--rate-limits", "enforce"], env).input;
    expect(flagWins.value(START_FLAGS.port)).toBe(9002);
    expect(flagWins.value(START_FLAGS["rate-limits"])).toBe("enforce");
    // An empty variable is unset (docker run -e X= and compose files write those).
    expect(started([], { PROMO_SANDBOX_PORT: "" }).input.value(START_FLAGS.port)).toBeUndefined();
  });

  it("refuses a bad value naming the variable it came from, and the flag when it came from the flag", () => {
    expect(refusal([], { PROMO_SANDBOX_PORT: "eighty" })).toBe('PROMO_SANDBOX_PORT must be 0-65535, got "eighty"');
    expect(refusal([], { PROMO_SANDBOX_RATE_LIMITS: "sometimes" })).toBe('PROMO_SANDBOX_RATE_LIMITS must be one of enforce|off, got "sometimes"');
    expect(refusal([], { PROMO_SANDBOX_TENANT_TTL: "1.5" })).toBe('PROMO_SANDBOX_TENANT_TTL must be a whole number of seconds, 0 or more (0 never evicts), got "1.5"');
    expect(refusal([], { PROMO_SANDBOX_REQUEST_TIMEOUT: "-1" })).toBe('PROMO_SANDBOX_REQUEST_TIMEOUT must be a number of seconds > 0, got "-1"');
    expect(refusal(["--port", "65536"])).toBe('--port must be 0-65535, got "65536"');
    expect(refusal(["--port", "1e3"])).toBe('--port must be 0-65535, got "1e3"');
    // The flag wins, so a bad variable behind a good flag is never read.
    expect(started(["--port", "1"], { PROMO_SANDBOX_PORT: "eighty" }).input.value(START_FLAGS.port)).toBe(1);
  });

  it("warns of a PROMO_SANDBOX_ variable no command reads, naming the nearest", () => {
    expect(unknownVariables(COMMANDS, { PROMO_SANDBOX_PROT: "1", PROMO_SANDBOX_PORT: "2", HOME: "/root", PROMO_SANDBOX_WHATEVER_ELSE: "" })).toEqual([
      "PROMO_SANDBOX_PROT is not a variable promo-sandbox reads, so it is ignored; did you mean PROMO_SANDBOX_PORT? See promo-sandbox --help",
      "PROMO_SANDBOX_WHATEVER_ELSE is not a variable promo-sandbox reads, so it is ignored; see promo-sandbox --help",
    ]);
  });

  it("--help lists every command of the table, every flag and its variable", () => {
    const help = helpText(PROVIDERS, COMMANDS);
    for (const command of COMMANDS) for (const [synopsis] of command.usage) expect(help).toContain(`  promo-sandbox ${synopsis}`);
    expect(help).toContain("  promo-sandbox --version, -v");
    for (const command of COMMANDS) {
      for (const [name, flag] of Object.entries(command.flags)) {
        expect(help).toContain(`  --${name}${flag.kind === "value" ? ` ${flag.placeholder}` : ""}`);
        if (flag.kind === "value") expect(help).toContain(`[${envName(name)}]`);
      }
    }
    expect(help.split("\n").filter((line) => line.length > 110)).toEqual([]);
    expect(START_COMMAND.usage[0]?.[0]).toBe("[start] [options]");
  });
});

/** The CLI as a process: exit codes and the exact lines a user sees. */
describe("promo-sandbox's exit codes", () => {
  it("prints the version with --version and -v, exit 0", () => {
    for (const flag of ["--version", "-v"]) {
      const result = runCli([flag]);
      expect(result.stdout).toBe(`${VERSION}\n`);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
  });

  it("exits 2 on an unknown flag or command, with one line on stderr and nothing on stdout", () => {
    const flag = runCli(["--prot", "9000"]);
    expect(flag.stderr).toBe("promo-sandbox: unknown flag --prot; did you mean --port? See promo-sandbox --help\n");
    expect(flag.stdout).toBe("");
    expect(flag.status).toBe(2);
    const command = runCli(["strat"]);
    expect(command.stderr).toBe('promo-sandbox: unknown command "strat" (commands: start, openapi, verify); did you mean "start"? See promo-sandbox --help\n');
    expect(command.status).toBe(2);
  });

  it("exits 2 on a bad variable, naming it", () => {
    const result = runCli([], { PROMO_SANDBOX_PORT: "eighty" });
    expect(result.stderr).toBe('promo-sandbox: PROMO_SANDBOX_PORT must be 0-65535, got "eighty"\n');
    expect(result.status).toBe(2);
  });

  it("says a busy port is in use and how to choose another, exit 2, no stack", async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, "127.0.0.1", done));
    const address = busy.address();
    const port = address !== null && typeof address === "object" ? address.port : 0;
    try {
      for (const [args, env] of [[["--port", String(port)], {}], [[], { PROMO_SANDBOX_PORT: String(port) }]] as const) {
        const result = runCli([...args], env);
        expect(result.stderr).toBe(`promo-sandbox: port ${port} is in use on 127.0.0.1; choose another with --port (or PROMO_SANDBOX_PORT)\n`);
        expect(result.stdout).toBe("");
        expect(result.status).toBe(2);
      }
    } finally {
      await new Promise((done) => busy.close(done));
    }
  });

  it("starts from variables alone, warning of one it does not read", async () => {
    const env = { ...process.env, PROMO_SANDBOX_PORT: "0", PROMO_SANDBOX_MODERATION: "auto", PROMO_SANDBOX_SEDE: "x" };
    const child = spawn(process.execPath, CLI, { stdio: ["ignore", "pipe", "pipe"], env });
    try {
      const stderr = new Promise<string>((done) => createInterface({ input: child.stderr }).once("line", done));
      const line = await new Promise<string>((done, fail) => {
        createInterface({ input: child.stdout }).once("line", done);
        child.once("exit", (code) => fail(new Error(`exited with ${code}`)));
      });
      expect(await stderr).toBe("promo-sandbox: PROMO_SANDBOX_SEDE is not a variable promo-sandbox reads, so it is ignored; did you mean PROMO_SANDBOX_SEED? See promo-sandbox --help");
      const url = /ready on (http:\/\/127\.0\.0\.1:\d+) /.exec(line)?.[1] ?? "";
      const settings = await fetch(`${url}/__sandbox/settings`, { headers: { Authorization: "Bearer env" } });
      expect(await settings.json()).toEqual({ rateLimits: "enforce", consistency: "realistic", moderation: "auto" });
    } finally {
      child.kill("SIGTERM");
    }
  });
});
