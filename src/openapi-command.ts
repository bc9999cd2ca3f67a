import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { renderDocument } from "./contracts/openapi/generate.js";
import { packageRoot } from "./contracts/openapi/package-root.js";
import { OPENAPI_DOCUMENTS } from "./openapi-documents.js";

export type OpenApiMode = "write" | "check";

/** A document rendered from the contracts next to what is committed (undefined when the file is missing). */
export interface RenderedDocument {
  file: string;
  generated: string;
  committed: string | undefined;
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
}

/** Regenerates every document in memory and reads the committed copies under `root`. */
export async function renderDocuments(root: string = packageRoot()): Promise<RenderedDocument[]> {
  return Promise.all(
    OPENAPI_DOCUMENTS.map(async (spec) => ({
      file: spec.file,
      generated: renderDocument(spec.build()),
      committed: await readIfPresent(join(root, spec.file)),
    })),
  );
}

/**
 * `promo-sandbox openapi --write|--check`. write: (re)writes openapi/*.json from the contracts.
 * check: exits 1 naming each file that differs from the contracts, else 0.
 */
export async function runOpenApiCommand(mode: OpenApiMode, root: string = packageRoot()): Promise<number> {
  const documents = await renderDocuments(root);
  if (mode === "write") {
    for (const doc of documents) {
      const path = join(root, doc.file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, doc.generated);
      process.stdout.write(`${doc.committed === doc.generated ? "unchanged" : "wrote"} ${doc.file}\n`);
    }
    return 0;
  }
  const drifted = documents.filter((doc) => doc.committed !== doc.generated);
  for (const doc of drifted) {
    const why = doc.committed === undefined ? "is missing" : "differs from the zod contracts";
    process.stderr.write(`${doc.file} ${why}: run npm run openapi and commit the result\n`);
  }
  if (drifted.length === 0) process.stdout.write(`openapi: ${documents.map((d) => d.file).join(", ")} match the contracts\n`);
  return drifted.length === 0 ? 0 : 1;
}
