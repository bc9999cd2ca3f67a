/** WireMock standalone (the jar the `wiremock` npm package ships) as a benchmark anchor: start, stub, stop. */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { forgetFolder, removeOnExit, spawnCommand, stopChild, waitForHttp, type SpawnedCommand } from "./child-process.js";
import { freePort } from "../test/support/free-port.js";
import { WIREMOCK_BUILD_DIR } from "./paths.js";

const INSTALL_JAVA = "apt-get install -y openjdk-17-jre-headless";

/**
 * The flags of a fair, fast anchor: no request journal (it grows with every call), no request logging,
 * no gzip (no client here asks for it), and 8 Jetty container threads, which measured fastest on this
 * 2-core machine (warmed, 50 connections: 21-25k req/s against 14-25k with the default pool and 16-19k
 * with --async-response-enabled; fewer than 8 threads do not start). It listens on 127.0.0.1 only and
 * keeps its files in a throw-away root dir.
 */
export const WIREMOCK_FLAGS: readonly string[] = [
  "--disable-banner",
  "--no-request-journal",
  "--disable-request-logging",
  "--disable-gzip",
  "--container-threads",
  "8",
];

export interface WireMock {
  url: string;
  jar: string;
  spawned: SpawnedCommand;
  rootDir: string;
}

/** An exact-URL stub answering `status`, `headers` and the exact `body` text. */
export interface Stub {
  method: "GET" | "POST";
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

function standaloneJar(): string {
  const jar = existsSync(WIREMOCK_BUILD_DIR)
    ? readdirSync(WIREMOCK_BUILD_DIR).find((name) => /^wiremock-standalone-.*\.jar$/.test(name))
    : undefined;
  if (jar === undefined) {
    throw new Error(`WireMock jar missing: no wiremock-standalone-*.jar in ${WIREMOCK_BUILD_DIR} (npm install brings it with the wiremock devDependency)`);
  }
  return join(WIREMOCK_BUILD_DIR, jar);
}

/** Resolves when `java -version` runs; throws one line naming what to install otherwise. */
async function requireJava(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = spawn("java", ["-version"], { stdio: "ignore" });
    probe.once("error", (error) => reject(new Error(`java not found (${error.message}): ${INSTALL_JAVA}`)));
    probe.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`java -version exited ${code}: ${INSTALL_JAVA}`))));
  });
}

export async function startWireMock(): Promise<WireMock> {
  const jar = standaloneJar();
  await requireJava();
  const rootDir = await mkdtemp(join(tmpdir(), "bench-wiremock-"));
  removeOnExit(rootDir);
  const port = await freePort();
  const args = ["-jar", jar, "--port", String(port), "--bind-address", "127.0.0.1", "--root-dir", rootDir, ...WIREMOCK_FLAGS];
  const spawned = spawnCommand("java", args, rootDir);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/__admin/health`, spawned, "WireMock");
  } catch (error) {
    await stopWireMock({ url, jar, spawned, rootDir });
    throw error;
  }
  return { url, jar, spawned, rootDir };
}

/** Registers a stub through the admin API (POST /__admin/mappings). */
export async function addStub(wiremock: WireMock, stub: Stub): Promise<void> {
  const mapping = {
    request: { method: stub.method, url: stub.url },
    response: { status: stub.status, headers: stub.headers, body: stub.body },
  };
  const response = await fetch(`${wiremock.url}/__admin/mappings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(mapping),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`WireMock POST /__admin/mappings for ${stub.method} ${stub.url}: HTTP ${response.status} ${text.slice(0, 300)}`);
}

export async function stopWireMock(wiremock: WireMock): Promise<void> {
  await stopChild(wiremock.spawned.child);
  await rm(wiremock.rootDir, { recursive: true, force: true });
  forgetFolder(wiremock.rootDir);
}
