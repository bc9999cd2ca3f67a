import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, get, type IncomingHttpHeaders, type Server } from "node:http";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { freePort } from "../support/free-port.js";

/*
 * deploy/: the team sandbox's compose file and its load balancer. No container engine runs here, so the
 * pieces are tested apart: the compose file's shape (parsed), and deploy/nginx.conf in Debian's nginx in
 * front of two stand-in replicas (plain HTTP servers saying which one answered).
 */

const COMPOSE = "deploy/compose.yaml";
const NGINX_CONF = "deploy/nginx.conf";

describe("deploy/compose.yaml", () => {
  const service = z.object({
    image: z.string(),
    command: z.array(z.string()).optional(),
    volumes: z.array(z.string()).optional(),
    ports: z.array(z.string()).optional(),
    depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  });
  const compose = z.object({ services: z.record(z.string(), service), volumes: z.record(z.string(), z.null()) }).parse(parse(readFileSync(COMPOSE, "utf8"), { merge: true }));

  it("runs two replicas of the project's image on one Redis store", () => {
    const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith("sandbox-"));
    expect(replicas.map(([name]) => name)).toEqual(["sandbox-a", "sandbox-b"]);
    for (const [, replica] of replicas) {
      expect(replica.command).toEqual(["start", "--store", "redis://redis:6379/0"]);
      expect(replica.depends_on).toEqual({ redis: { condition: "service_healthy" } });
    }
  });

  it("runs Redis with every write fsynced before it is acknowledged, on a volume", () => {
    const redis = compose.services.redis;
    expect(redis?.command).toEqual(["redis-server", "--appendonly", "yes", "--appendfsync", "always", "--save", ""]);
    expect(redis?.volumes).toEqual(["redis-data:/data"]);
    expect(Object.keys(compose.volumes)).toEqual(["redis-data"]);
  });

  it("publishes the load balancer, configured by deploy/nginx.conf, once both replicas are healthy", () => {
    const lb = compose.services.lb;
    expect(lb?.volumes).toEqual(["./nginx.conf:/etc/nginx/nginx.conf:ro"]);
    expect(lb?.ports).toEqual(["8787:8787"]);
    expect(lb?.depends_on).toEqual({ "sandbox-a": { condition: "service_healthy" }, "sandbox-b": { condition: "service_healthy" } });
    const upstreams = [...readFileSync(NGINX_CONF, "utf8").matchAll(/^\s*server (\S+):8787\b/gm)].map((match) => match[1]);
    expect(upstreams).toEqual(["sandbox-a", "sandbox-b"]);
  });
});

/** Debian's nginx (package nginx-light), on PATH or in /usr/sbin; undefined when it is not installed. */
function findNginx(): string | undefined {
  for (const dir of [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin"]) {
    if (dir === "") continue;
    try {
      accessSync(join(dir, "nginx"), constants.X_OK);
      return join(dir, "nginx");
    } catch {
      // not here
    }
  }
  return undefined;
}
const NGINX = findNginx();
if (NGINX === undefined) process.stdout.write("skipped: the load balancer's tests need nginx; install it with `apt-get install -y nginx-light`\n");


/** A GET through the load balancer: status, headers and body. */
function call(port: number, path: string, authorization?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get({ host: "127.0.0.1", port, path, headers: authorization === undefined ? {} : { authorization } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    request.on("error", reject);
  });
}

describe.skipIf(NGINX === undefined)("deploy/nginx.conf in Debian's nginx, in front of two stand-in replicas", () => {
  const replicas: Server[] = [];
  let nginx: ChildProcess | undefined;
  let port = 0;
  let dir = "";

  /** A stand-in replica: answers its name; /__sandbox/events/stream sends one event and stays open. */
  function replica(name: string): Server {
    return createServer((req, res) => {
      if (req.url === "/__sandbox/events/stream") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`data: ${name}\n\n`);
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(name);
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "promo-sandbox-nginx-"));
    const ports = [await freePort(), await freePort()];
    for (const [i, name] of ["a", "b"].entries()) {
      const server = replica(name);
      await new Promise<void>((resolve) => server.listen(ports[i], "127.0.0.1", resolve));
      replicas.push(server);
    }
    port = await freePort();
    // The deployed file, with the replicas' and the listener's addresses (and the pid file) of this machine.
    const conf = readFileSync(NGINX_CONF, "utf8")
      .replace("server sandbox-a:8787", `server 127.0.0.1:${ports[0]}`)
      .replace("server sandbox-b:8787", `server 127.0.0.1:${ports[1]}`)
      .replace("listen 8787;", `listen 127.0.0.1:${port};`)
      .replace("pid /tmp/nginx.pid;", `pid ${join(dir, "nginx.pid")};`)
      .replace("access_log /dev/stdout;", "access_log off;")
      .replace("error_log /dev/stderr warn;", `error_log ${join(dir, "error.log")} warn;`);
    writeFileSync(join(dir, "nginx.conf"), conf);
    const child = spawn(NGINX ?? "nginx", ["-p", dir, "-e", join(dir, "error.log"), "-c", join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] });
    nginx = child;
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    for (let attempt = 0; ; attempt++) {
      const up = await call(port, "/").then(() => true, () => false);
      if (up) break;
      if (attempt > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${errors} ${readFileSync(join(dir, "error.log"), { encoding: "utf8", flag: "a+" })}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  afterAll(async () => {
    const child = nginx;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await exited;
    }
    await Promise.all(replicas.map((server) => new Promise((resolve) => server.close(resolve))));
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  it("sends every call of a token to one replica, and spreads the tokens over both", async () => {
    const reached = new Map<string, Set<string>>();
    for (let i = 0; i < 40; i++) {
      const token = `team-token-${i}`;
      for (let n = 0; n < 3; n++) {
        const { status, body } = await call(port, `/adv/v1/promotion/count?n=${n}`, token);
        expect(status).toBe(200);
        reached.set(token, (reached.get(token) ?? new Set()).add(body));
      }
    }
    for (const [, names] of reached) expect(names.size).toBe(1);
    expect(new Set([...reached.values()].flatMap((names) => [...names]))).toEqual(new Set(["a", "b"]));
  });

  it("hashes on the tenant: `Bearer x`, `bearer: x` and `x` reach the same replica", async () => {
    for (let i = 0; i < 20; i++) {
      const token = `tenant-${i}`;
      const bodies = await Promise.all([token, `Bearer ${token}`, `bearer: ${token}`].map(async (value) => (await call(port, "/", value)).body));
      expect(new Set(bodies).size, token).toBe(1);
    }
  });

  it("passes the event stream through unbuffered: the first event arrives while the stream stays open", async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const request = get({ host: "127.0.0.1", port, path: "/__sandbox/events/stream", headers: { authorization: "stream-tenant" } }, (res) => {
        res.setEncoding("utf8");
        res.once("data", (chunk: string) => {
          resolve(chunk);
          res.destroy();
        });
      });
      request.on("error", reject);
    });
    expect(first).toMatch(/^data: [ab]\n\n$/);
  });

  it("moves a replica's tenants to the other one when it is down", async () => {
    const tokens = Array.from({ length: 20 }, (_, i) => `failover-${i}`);
    const before = await Promise.all(tokens.map(async (token) => (await call(port, "/", token)).body));
    const down = replicas[1];
    await new Promise((resolve) => down?.close(resolve));
    down?.closeAllConnections();
    const after = await Promise.all(tokens.map(async (token) => (await call(port, "/", token)).body));
    expect(after).toEqual(tokens.map(() => "a"));
    expect(before).toContain("b");
  });
});
