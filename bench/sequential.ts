/**
 * Sequential latency: one request at a time over one keep-alive connection (node:http Agent, one socket),
 * timed from the request's start to the last byte of its answer.
 */
import { Agent, request } from "node:http";
import type { Target } from "./load.js";

export interface SequentialRun {
  target: string;
  /** Milliseconds, one per answered request. */
  samples: number[];
  /** Answers that were not 2xx or whose body the target's verifyBody rejected, plus errors. */
  bad: number;
}

/** Requests timed per run before measuring: the first one may pay for a new connection. */
const DISCARDED = 50;

function once(agent: Agent, url: URL, target: Target): Promise<{ ms: number; ok: boolean }> {
  const { method = "GET", headers = {}, body, verifyBody } = target.options;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, { agent, method, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const ms = performance.now() - started;
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ ms, ok: status >= 200 && status < 300 && (verifyBody === undefined || verifyBody(text)) });
      });
      res.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
    });
    req.on("error", () => resolve({ ms: performance.now() - started, ok: false }));
    req.end(body);
  });
}

/** Runs requests to `target` one after the other for `durationMs` on `agent`'s single keep-alive socket. */
export async function sequential(target: Target, agent: Agent, durationMs: number): Promise<SequentialRun> {
  const url = new URL(target.options.url);
  const samples: number[] = [];
  let bad = 0;
  for (let i = 0; i < DISCARDED; i++) if (!(await once(agent, url, target)).ok) bad++;
  const deadline = performance.now() + durationMs;
  while (performance.now() < deadline) {
    const answer = await once(agent, url, target);
    if (answer.ok) samples.push(answer.ms);
    else bad++;
  }
  return { target: target.name, samples, bad };
}

/** A keep-alive agent holding one socket: every request of a sequential run goes over the same connection. */
export function singleSocketAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}
