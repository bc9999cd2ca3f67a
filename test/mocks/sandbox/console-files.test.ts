import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import request from "supertest";
import { afterEach, describe, expect, it } from "vitest";
import { consoleFolder } from "../../../src/mocks/sandbox/console-files.js";
import { makeSandbox } from "../../support/sandbox.js";

const ROOT = process.cwd();
const CONSOLE = join(ROOT, "console");

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the web console's page and files under /__sandbox/console", () => {
  it("serves the page without a token: its modules come from the sandbox, uPlot through an import map, no CDN", async () => {
    const { app } = makeSandbox();
    const page = await request(app).get("/__sandbox/console").expect(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.text).toBe(readFileSync(join(CONSOLE, "index.html"), "utf8"));
    expect(page.text).toContain('<script type="importmap">{ "imports": { "uplot": "/__sandbox/console/uplot.js" } }</script>');
    expect(page.text).not.toMatch(/https?:\/\//);
  });

  it("serves every module and style sheet of console/ as it is, and uPlot from the installed package", async () => {
    const { app } = makeSandbox();
    const files = readdirSync(CONSOLE).filter((name) => /\.(js|css)$/.test(name) && !name.endsWith(".d.ts"));
    expect(files).toEqual(expect.arrayContaining(["app.js", "style.css", "clock.js", "timeline.js", "journal.js", "yoomoney.js", "wildberries.js", "myshare.js", "faults.js", "tenants.js"]));
    for (const name of files) {
      const res = await request(app).get(`/__sandbox/console/${name}`).expect(200);
      expect(res.headers["content-type"]).toBe(name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      expect(res.text).toBe(readFileSync(join(CONSOLE, name), "utf8"));
      // Every import of a module is another file the console serves (or uPlot, through the import map).
      for (const [, target] of res.text.matchAll(/^import .* from "([^"]+)";$/gm)) {
        expect(target === "uplot" || files.includes(String(target).replace(/^\.\//, "")), `${name} imports ${target}`).toBe(true);
      }
    }
    const uplot = await request(app).get("/__sandbox/console/uplot.js").expect(200);
    expect(uplot.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(uplot.text).toBe(readFileSync(join(ROOT, "node_modules/uplot/dist/uPlot.esm.js"), "utf8"));
    expect(uplot.text).toContain("export { uPlot as default };");
    const css = await request(app).get("/__sandbox/console/uplot.css").expect(200);
    expect(css.text).toBe(readFileSync(join(ROOT, "node_modules/uplot/dist/uPlot.min.css"), "utf8"));
  });

  it("answers 404 naming the files for anything else: the type declarations and tsconfig are not served", async () => {
    const { app } = makeSandbox();
    for (const name of ["nope.js", "types.d.ts", "tsconfig.json", "index.html", "..%2Fpackage.json"]) {
      const res = await request(app).get(`/__sandbox/console/${name}`).expect(404);
      expect(res.body.error.code).toBe("not_found");
      expect(res.body.error.message).toContain("the files are api.js, app.js,");
      expect(res.body.error.message).toContain("uplot.js, uplot.css");
    }
  });
});

describe("consoleFolder: the package's console/ found from wherever the code runs", () => {
  it("from src/ (vitest, tsx), dist/src/ (the build) and the bundled dist/src/promo-sandbox.mjs", () => {
    expect(consoleFolder(join(ROOT, "src/mocks/sandbox/console-files.ts"))).toBe(CONSOLE);
    expect(consoleFolder(join(ROOT, "dist/src/mocks/sandbox/console-files.js"))).toBe(CONSOLE);
    expect(consoleFolder(join(ROOT, "dist/src/promo-sandbox.mjs"))).toBe(CONSOLE);
    expect(consoleFolder()).toBe(CONSOLE);
  });

  it("in an installed package, not another package's folder of the same name; none found is an error saying what to do", () => {
    const project = mkdtempSync(join(tmpdir(), "console-folder-"));
    temporary.push(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "my-app" }));
    mkdirSync(join(project, "console"));
    const installed = join(project, "node_modules", "promo-sandbox");
    mkdirSync(join(installed, "console"), { recursive: true });
    mkdirSync(join(installed, "dist", "src"), { recursive: true });
    writeFileSync(join(installed, "package.json"), JSON.stringify({ name: "promo-sandbox" }));
    expect(consoleFolder(join(installed, "dist/src/promo-sandbox.mjs"))).toBe(join(installed, "console"));
    expect(() => consoleFolder(join(project, "src/index.js"))).toThrow(/the web console's files \(the console\/ folder of promo-sandbox\) are not found above .*: reinstall promo-sandbox/);
  });
});
