import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * A program from Debian's packages that some tests need (Chromium for the console's browser tests,
 * redis-server for the team sandbox). `.ci/run` installs it when it is missing and sets
 * TEST_REQUIRE_SYSTEM_PACKAGES=1, so there a missing program fails the suite; elsewhere the tests that
 * need it are skipped with one line naming the package to install.
 */
export interface SystemComponent {
  /** The Debian package that provides it (`apt-get install -y <package>`). */
  package: string;
  /** The program's absolute path, or undefined when it is not installed. */
  path: string | undefined;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds `program` on PATH (or at an absolute path). */
function locate(program: string): string | undefined {
  if (program.startsWith("/")) return executable(program) ? program : undefined;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, program);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

const announced = new Set<string>();

/**
 * The component, looked up once per test file. When it is missing: throws under .ci/run (a failure), or
 * prints one line naming the package and returns `path: undefined` (the caller skips its tests).
 */
export function systemComponent(pkg: string, program: string): SystemComponent {
  const path = locate(program);
  if (path !== undefined) return { package: pkg, path };
  const line = `skipped: these tests need ${program}; install it with \`apt-get install -y ${pkg}\``;
  if (process.env.TEST_REQUIRE_SYSTEM_PACKAGES === "1") throw new Error(`${line} (.ci/run requires it: the install step failed?)`);
  if (!announced.has(pkg)) {
    announced.add(pkg);
    process.stdout.write(`${line}\n`);
  }
  return { package: pkg, path: undefined };
}
