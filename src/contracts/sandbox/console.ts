import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

/**
 * The web console's files: the package's console/ folder (plain ES modules and a style sheet, no build
 * step) plus the charting library it draws with, uPlot, served from the installed package (no CDN: the
 * console works offline). A file of console/ is served when its extension is one of these; the
 * vendored files are named here.
 */
export const CONSOLE_MEDIA_TYPES = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
} as const;
export type ConsoleExtension = keyof typeof CONSOLE_MEDIA_TYPES;

/** The files the console loads from installed packages, by the name it loads them under. */
export const CONSOLE_VENDOR_ASSETS = {
  "uplot.js": { package: "uplot", file: "dist/uPlot.esm.js" },
  "uplot.css": { package: "uplot", file: "dist/uPlot.min.css" },
} as const;
export type ConsoleVendorAsset = keyof typeof CONSOLE_VENDOR_ASSETS;

/** `GET /__sandbox/console/{file}`: one of the page's files. */
export const SandboxConsoleAssetParams = z.object({
  file: z.string().meta({ description: `A file of the console (app.js, style.css, one module per panel) or of uPlot (${Object.keys(CONSOLE_VENDOR_ASSETS).join(", ")})` }),
});

/** The console page: HTML. */
export const consolePageResponse: ResponseConfig = {
  description: "The web console: paste a tenant's token (kept in the browser's localStorage); every call it makes sends that token",
  content: { "text/html": { schema: z.string() } },
};

const MEDIA_TYPES = [...new Set(Object.values(CONSOLE_MEDIA_TYPES).map((type) => type.split(";")[0] ?? type))];

/** One of the console's files: a module or a style sheet. */
export const consoleAssetResponse: ResponseConfig = {
  description: "The file: a module or style sheet of the package's console/ folder, or of the installed uplot",
  content: Object.fromEntries(MEDIA_TYPES.map((type) => [type, { schema: z.string() }])),
};
