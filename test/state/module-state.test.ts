import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isIdentifier, isVariableStatement, NodeFlags, type SourceFile } from "typescript/unstable/ast";
import { API, NodeBuilderFlags, type Checker, type Project, type Type } from "typescript/unstable/sync";

/**
 * The domain (src/state) keeps no module-level mutable state: everything a tenant owns lives in its
 * Tenant, and caches live in the object they belong to. A value at the top level of a module is shared
 * by every tenant and survives a reset, so this test reads every file of src/state with the TypeScript
 * compiler (its API, typescript 7) and refuses, at the top level:
 * - `let` and `var` (and `using`);
 * - a `const` whose type is a mutable collection: Map, Set, WeakMap, WeakSet, an array or a tuple that
 *   is not readonly (`new Map()`, `[]`, `new Array()`, a `.map()` result...). Type it ReadonlyMap,
 *   ReadonlySet, `readonly T[]` or `as const` when it is a constant table.
 * Objects with mutable fields are not refused (the timer tables, the provider modules): their types
 * say what they hold, not that nobody writes them.
 */

/** Collections whose type lets anyone add to them (their readonly forms are ReadonlyMap and ReadonlySet). */
const MUTABLE_COLLECTION = /^(Map|Set|WeakMap|WeakSet)</;

/** The type as the checker writes it, aliases spelled out (`RateLimitTable` is `readonly RateLimitEntry[]`). */
const typeText = (checker: Checker, type: Type): string => checker.typeToString(type, undefined, NodeBuilderFlags.InTypeAlias | NodeBuilderFlags.NoTruncation);

/** Whether a top-level constant of this type can be changed in place: a mutable collection, array or tuple. */
function mutableType(checker: Checker, type: Type): boolean {
  const text = typeText(checker, type);
  if (MUTABLE_COLLECTION.test(text)) return true;
  return (checker.isArrayType(type) || checker.isTupleType(type)) && !text.startsWith("readonly ");
}

/** Every top-level binding of `file` that is module-level mutable state, as "name: why". */
function moduleState(checker: Checker, file: SourceFile): string[] {
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const declarations = [...list.declarations];
    const names = declarations.map((d) => (isIdentifier(d.name) ? d.name.text : "(destructured)"));
    if ((list.flags & NodeFlags.Const) === 0) {
      const keyword = list.flags & NodeFlags.Let ? "let" : list.flags & NodeFlags.Using ? "using" : "var";
      for (const name of names) found.push(`${name}: a top-level ${keyword}`);
      continue;
    }
    const types = checker.getTypeAtLocation(declarations.map((d) => d.name));
    types.forEach((type, i) => {
      if (type !== undefined && mutableType(checker, type)) found.push(`${names[i] ?? "?"}: a top-level ${typeText(checker, type)}`);
    });
  }
  return found;
}

describe("src/state keeps no module-level mutable state", () => {
  let api: API | undefined;
  let project: Project | undefined;

  beforeAll(() => {
    api = new API({ cwd: process.cwd() });
    project = api.updateSnapshot({ openProject: "tsconfig.json" }).getProjects()[0];
  }, 60_000);

  afterAll(() => api?.close());

  /** The program's files under `folder` (relative to the project) and what the rule finds in them, each as "path: name: why". */
  function scan(folder: string): { files: number; found: string[] } {
    if (project === undefined) throw new Error("the TypeScript project did not load");
    const root = `${process.cwd()}/`;
    const names = project.program.getSourceFileNames().filter((name) => name.startsWith(`${root}${folder}`));
    const found: string[] = [];
    for (const name of names) {
      const file = project.program.getSourceFile(name);
      if (file === undefined) throw new Error(`${name} is in the program but has no source file`);
      for (const problem of moduleState(project.checker, file)) found.push(`${name.slice(root.length)}: ${problem}`);
    }
    return { files: names.length, found };
  }

  it("no file under src/state has a top-level let, var or mutable collection", () => {
    const { files, found } = scan("src/state/");
    // The scan must really read the domain (a path mistake would find nothing wrong in nothing).
    expect(files).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it("the rule finds each kind of module-level state in a planted file", () => {
    const plant = "test/state/fixtures/module-state-plant.ts";
    expect(scan(plant).found).toEqual([
      `${plant}: counter: a top-level let`,
      `${plant}: legacy: a top-level var`,
      `${plant}: byTenant: a top-level WeakMap<object, number>`,
      `${plant}: seen: a top-level Set<string>`,
      `${plant}: scratch: a top-level number[]`,
      `${plant}: derived: a top-level string[]`,
      `${plant}: pair: a top-level [number, number]`,
    ]);
  });
});
