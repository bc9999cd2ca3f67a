import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { API_DOCS_ASSETS, type ApiDocsAsset } from "../../contracts/sandbox/api-docs.js";

/** Whether `name` is one of the files the page loads (API_DOCS_ASSETS). */
export function isApiDocsAsset(name: string): name is ApiDocsAsset {
  return Object.hasOwn(API_DOCS_ASSETS, name);
}

/**
 * The installed swagger-ui-dist's folder, found at run time the way Node finds the package (so the
 * bundled CLI, dist/src/promo-sandbox.mjs, finds it too: esbuild leaves a resolve alone).
 */
function swaggerUiFolder(): string {
  try {
    return dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`the API reference page needs the package swagger-ui-dist, which cannot be found (${why}): install promo-sandbox's dependencies (npm install)`);
  }
}

/** Reads the page's files once each, on first use: a sandbox that never serves the page never reads them. */
export function apiDocsAssetReader(): (asset: ApiDocsAsset) => Promise<string> {
  const read = new Map<ApiDocsAsset, Promise<string>>();
  return (asset) => {
    let text = read.get(asset);
    if (text === undefined) {
      text = readFile(join(swaggerUiFolder(), asset), "utf8");
      // A failed read is not kept: the next call tries again (and answers the same 500 if it fails again).
      text.catch(() => read.delete(asset));
      read.set(asset, text);
    }
    return text;
  };
}
