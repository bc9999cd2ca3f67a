import { envName } from "./cli-args.js";
import { DEFAULT_HOST, DEFAULT_PORT } from "./cli-defaults.js";
import { parsePort } from "./cli-options.js";

/**
 * The container's healthcheck (Dockerfile HEALTHCHECK: `node dist/src/healthcheck.js`): asks
 * GET /__sandbox/health where the server listens, as the server reads it from PROMO_SANDBOX_PORT and
 * PROMO_SANDBOX_HOST (a wildcard host is asked on loopback). Exit 0 healthy, 1 not, with one line saying
 * which (Docker keeps it in `docker inspect`). It is its own small file, not the CLI bundle, so a check
 * every few seconds costs little. A port given as `--port` on the command line is not seen: in a
 * container, set PROMO_SANDBOX_PORT instead.
 */
async function check(env: NodeJS.ProcessEnv): Promise<string> {
  const portText = env[envName("port")];
  const port = portText === undefined || portText === "" ? DEFAULT_PORT : parsePort(portText, envName("port"));
  const bound = env[envName("host")] || DEFAULT_HOST;
  const host = bound === "0.0.0.0" || bound === "::" ? "127.0.0.1" : bound.includes(":") ? `[${bound}]` : bound;
  const url = `http://${host}:${port}/__sandbox/health`;
  let status: number;
  try {
    status = (await fetch(url, { signal: AbortSignal.timeout(2500) })).status;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new Error(`unhealthy: ${url} did not answer (${cause})`);
  }
  if (status !== 200) throw new Error(`unhealthy: ${url} answered ${status}`);
  return `healthy: ${url} answered 200`;
}

check(process.env).then(
  (line) => process.stdout.write(`${line}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
