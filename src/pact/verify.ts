import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { createSandbox } from "../server.js";

/** What `promo-sandbox verify` (and `verifyPacts`) takes. */
export interface VerifyOptions {
  /** Pact files, or folders whose *.json files are pacts. */
  pacts: readonly string[];
  /** A running sandbox; default one started in-process for the run. */
  baseUrl?: string | undefined;
  /** Verify only the pacts of this provider (the pact's provider.name); with a broker, the provider to fetch. */
  provider?: string | undefined;
  brokerUrl?: string | undefined;
  brokerToken?: string | undefined;
  /** Publish the results to the broker (needs providerVersion). */
  publish?: boolean | undefined;
  providerVersion?: string | undefined;
}

/** A provider state that could not be set up, and why (the sandbox's answer). */
export interface StateFailure {
  pact: string;
  state: string;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Pact files verified. */
  verified: string[];
  stateFailures: StateFailure[];
  /** Each mismatch, "interaction: what differed". */
  mismatches: string[];
  /** The report as printed: failing states first, then each mismatch. */
  text: string;
}

const PactFile = z.object({
  provider: z.object({ name: z.string() }),
  consumer: z.object({ name: z.string() }),
  interactions: z.array(
    z.object({
      providerStates: z.array(z.object({ name: z.string() })).optional(),
      request: z.object({ headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional() }).optional(),
    }),
  ),
});
type PactFile = z.infer<typeof PactFile>;

/** The pact files `paths` name (folders: their *.json files, sorted). */
export function pactFilesOf(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const full = resolve(path);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new Error(`${path}: no such file or folder; pass pact files (*.json) or folders holding them`);
    }
    if (!stat.isDirectory()) return [full];
    return readdirSync(full).filter((name) => name.endsWith(".json")).sort().map((name) => join(full, name));
  });
}

function readPact(file: string): PactFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = PactFile.safeParse(json);
  if (!parsed.success) throw new Error(`${file} is not a pact file (provider.name, consumer.name, interactions): ${parsed.error.issues[0]?.message ?? ""}`);
  return parsed.data;
}

/**
 * The token the pact's interactions send (the most frequent Authorization header): the provider states
 * are set up for that tenant. Undefined when none sends one (the sandbox then uses the tenant "pact").
 */
export function pactToken(pact: PactFile): string | undefined {
  const counts = new Map<string, number>();
  for (const interaction of pact.interactions) {
    for (const [name, value] of Object.entries(interaction.request?.headers ?? {})) {
      if (name.toLowerCase() !== "authorization") continue;
      const header = Array.isArray(value) ? value[0] : value;
      if (header !== undefined && header !== "") counts.set(header, (counts.get(header) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const Mismatch = z.looseObject({ description: z.string().optional(), mismatch: z.string().optional(), type: z.string().optional() });
const VerifierJson = z.looseObject({
  errors: z
    .array(
      z.looseObject({
        interaction: z.string().optional(),
        mismatch: z.looseObject({ message: z.string().optional(), type: z.string().optional(), mismatches: z.array(Mismatch).optional() }).optional(),
      }),
    )
    .optional(),
});

/** Each mismatch the Rust verifier reported, from its JSON results (the rejection's message). */
function mismatchesOf(message: string): string[] {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return [message];
  }
  const parsed = VerifierJson.safeParse(json);
  if (!parsed.success) return [message];
  return (parsed.data.errors ?? []).flatMap((error) => {
    const where = error.interaction ?? "(an interaction)";
    const details = error.mismatch?.mismatches ?? [];
    if (details.length === 0) return [`${where}: ${error.mismatch?.message ?? error.mismatch?.type ?? "failed"}`];
    return details.map((detail) => `${where}: ${detail.description ?? detail.mismatch ?? detail.type ?? JSON.stringify(detail)}`);
  });
}

/** pact-js, loaded when needed: it is an optional peer dependency of promo-sandbox. */
async function loadPact() {
  try {
    return await import("@pact-foundation/pact");
  } catch {
    throw new Error("promo-sandbox verify needs @pact-foundation/pact (16 or later), an optional peer dependency: npm install --save-dev @pact-foundation/pact");
  }
}

function render(report: Omit<VerifyReport, "text">): string {
  const lines: string[] = [];
  for (const failure of report.stateFailures) lines.push(`FAILED STATE "${failure.state}" (${failure.pact}): ${failure.reason}`);
  for (const mismatch of report.mismatches) lines.push(`MISMATCH ${mismatch}`);
  lines.push(report.ok ? `verified ${report.verified.length} pact file(s): every interaction passed` : `verification failed: ${report.stateFailures.length} state(s) failed, ${report.mismatches.length} mismatch(es)`);
  return `${lines.join("\n")}\n`;
}

/**
 * Verifies pact files against the sandbox with pact-js's Verifier, each interaction's provider states set up
 * through POST /__sandbox/provider-states for the pact's own token. The report lists failing states first
 * (their name and the sandbox's reason: a failed state explains the mismatches after it), then each mismatch.
 */
export async function verifyPacts(options: VerifyOptions): Promise<VerifyReport> {
  const { Verifier } = await loadPact();
  const files = pactFilesOf(options.pacts);
  if (files.length === 0 && options.brokerUrl === undefined) throw new Error("no pact files found: pass pact files or folders holding them, or --broker-url");
  if (options.publish === true && options.providerVersion === undefined) throw new Error("--publish needs --provider-version (the provider version the results are for)");
  const pacts = files.map((file) => ({ file, pact: readPact(file) })).filter(({ pact }) => options.provider === undefined || pact.provider.name === options.provider);
  if (pacts.length === 0 && options.brokerUrl === undefined) throw new Error(`no pact file is for provider "${options.provider ?? ""}"; the files name ${[...new Set(files.map((f) => readPact(f).provider.name))].join(", ")}`);

  const sandbox = options.baseUrl === undefined ? createSandbox() : undefined;
  const baseUrl = options.baseUrl ?? (await sandbox?.listen(0, "127.0.0.1")) ?? "";
  const stateFailures: StateFailure[] = [];
  const mismatches: string[] = [];
  const broker = {
    ...(options.brokerUrl === undefined ? {} : { pactBrokerUrl: options.brokerUrl }),
    ...(options.brokerToken === undefined ? {} : { pactBrokerToken: options.brokerToken }),
    ...(options.publish === true ? { publishVerificationResult: true } : {}),
    ...(options.providerVersion === undefined ? {} : { providerVersion: options.providerVersion }),
  };
  try {
    const runs = pacts.map(({ file, pact }) => ({ label: file, provider: pact.provider.name, pactUrls: [file], token: pactToken(pact), states: pact.interactions.flatMap((i) => (i.providerStates ?? []).map((s) => s.name)) }));
    if (runs.length === 0 && options.provider !== undefined) runs.push({ label: `${options.brokerUrl ?? ""} (${options.provider})`, provider: options.provider, pactUrls: [], token: undefined, states: [] });
    for (const run of runs) {
      const setUp = async (state: string, params: unknown) => {
        const response = await fetch(`${baseUrl}/__sandbox/provider-states`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(run.token === undefined ? {} : { Authorization: run.token }) },
          body: JSON.stringify({ state, params: params ?? {}, action: "setup" }),
        });
        const text = await response.text();
        if (response.status !== 200) {
          const reason = z.object({ error: z.object({ message: z.string() }) }).safeParse(JSON.parse(text || "{}"));
          const why = reason.success ? reason.data.error.message : `HTTP ${response.status}: ${text}`;
          stateFailures.push({ pact: run.label, state, reason: why });
          throw new Error(why);
        }
        return z.record(z.string(), z.union([z.string(), z.number()])).parse(JSON.parse(text));
      };
      const stateHandlers = Object.fromEntries(run.states.map((state) => [state, (params?: unknown) => setUp(state, params)]));
      try {
        await new Verifier({ provider: run.provider, providerBaseUrl: baseUrl, pactUrls: run.pactUrls, stateHandlers, logLevel: "error", ...broker }).verifyProvider();
      } catch (error) {
        mismatches.push(...mismatchesOf(error instanceof Error ? error.message : String(error)));
      }
    }
  } finally {
    await sandbox?.close();
  }
  const report = { ok: stateFailures.length === 0 && mismatches.length === 0, verified: pacts.map((p) => p.file), stateFailures, mismatches };
  return { ...report, text: render(report) };
}
