import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CONSOLE_MEDIA_TYPES, CONSOLE_VENDOR_ASSETS, type ConsoleExtension, type ConsoleVendorAsset } from "../../contracts/sandbox/console.js";

/** The package whose console/ folder is served. */
const PACKAGE_NAME = "promo-sandbox";

/** A file the console page loads, with its Content-Type. */
export interface ConsoleFile {
  contentType: string;
  content: string;
}

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest) || !existsSync(join(dir, "console"))) return false;
  try {
    const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
    return typeof parsed === "object" && parsed !== null && "name" in parsed && parsed.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/**
 * The package's console/ folder, found by walking up from this module to the package root: from src/ (under
 * vitest or tsx), dist/src/ (the build) and the bundled dist/src/promo-sandbox.mjs alike, installed or not.
 */
export function consoleFolder(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    if (isPackageRoot(dir)) return join(dir, "console");
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`the web console's files (the console/ folder of ${PACKAGE_NAME}) are not found above ${dirname(from)}: reinstall promo-sandbox (its package includes console/)`);
    }
    dir = parent;
  }
}

function vendorFile(asset: ConsoleVendorAsset): string {
  const { package: name, file } = CONSOLE_VENDOR_ASSETS[asset];
  try {
    return join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), file);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`the web console needs the package ${name}, which cannot be found (${why}): install promo-sandbox's dependencies (npm install)`);
  }
}

const isVendorAsset = (name: string): name is ConsoleVendorAsset => Object.hasOwn(CONSOLE_VENDOR_ASSETS, name);
const isServedExtension = (ext: string): ext is ConsoleExtension => Object.hasOwn(CONSOLE_MEDIA_TYPES, ext);

/** What the console serves: its page, and its files by name (undefined: no such file). */
export interface ConsoleFiles {
  page(): Promise<string>;
  file(name: string): Promise<ConsoleFile | undefined>;
  /** The names `file` serves, for a 404's message. */
  names(): Promise<string[]>;
}

/**
 * The console's files, each read once on first use (a sandbox that never serves the console never reads
 * them; a failed read is not kept, so the next call tries again).
 */
export function consoleFiles(folder: () => string = consoleFolder): ConsoleFiles {
  const cache = new Map<string, Promise<string>>();
  const once = (path: string): Promise<string> => {
    let text = cache.get(path);
    if (text === undefined) {
      text = readFile(path, "utf8");
      text.catch(() => cache.delete(path));
      cache.set(path, text);
    }
    return text;
  };
  let listing: Promise<string[]> | undefined;
  const own = (): Promise<string[]> => {
    if (listing === undefined) {
      const read = readdir(folder()).then((names) => names.filter((name) => isServedExtension(extname(name)) && !name.endsWith(".d.ts")).sort());
      read.catch(() => (listing = undefined));
      listing = read;
    }
    return listing;
  };
  return {
    page: () => once(join(folder(), "index.html")),
    async file(name) {
      if (isVendorAsset(name)) {
        const ext = extname(name);
        const contentType = isServedExtension(ext) ? CONSOLE_MEDIA_TYPES[ext] : "application/octet-stream";
        return { contentType, content: await once(vendorFile(name)) };
      }
      const ext = extname(name);
      if (!isServedExtension(ext) || !(await own()).includes(name)) return undefined;
      return { contentType: CONSOLE_MEDIA_TYPES[ext], content: await once(join(folder(), name)) };
    },
    async names() {
      return [...(await own()), ...Object.keys(CONSOLE_VENDOR_ASSETS)];
    },
  };
}
