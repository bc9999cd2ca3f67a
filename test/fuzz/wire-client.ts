import { connect } from "node:net";
import type { WireRequest } from "./request-draft.js";

export type Exchange =
  | { kind: "answer"; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: "no-answer"; detail: string };

type Parsed = { status: number; headers: Record<string, string>; body: Buffer };

function dechunk(data: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) return undefined;
    const size = parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) return undefined;
    if (size === 0) return Buffer.concat(parts);
    const start = lineEnd + 2;
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}

/** The answer in `data` once it is complete (`closed`: the server has closed the connection). */
function parseAnswer(data: Buffer, method: string, closed: boolean): Parsed | undefined {
  const headEnd = data.indexOf("\r\n\r\n");
  if (headEnd === -1) return undefined;
  const [statusLine = "", ...headerLines] = data.subarray(0, headEnd).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? NaN);
  if (Number.isNaN(status)) return undefined;
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = data.subarray(headEnd + 4);
  if (method === "HEAD" || status === 204 || status === 304) return { status, headers, body: Buffer.alloc(0) };
  // A live event stream never ends: its head is the answer (the body so far is what was sent at once).
  if (headers["content-type"]?.startsWith("text/event-stream") === true) return { status, headers, body: rest };
  if (headers["transfer-encoding"]?.toLowerCase().includes("chunked") === true) {
    const body = dechunk(rest);
    return body === undefined ? undefined : { status, headers, body };
  }
  const length = headers["content-length"];
  if (length !== undefined) return rest.length >= Number(length) ? { status, headers, body: rest.subarray(0, Number(length)) } : undefined;
  return closed ? { status, headers, body: rest } : undefined;
}

/**
 * Writes the request byte for byte on a fresh connection and reads the answer, even when the server
 * answers before it has read the whole body and closes the connection under the upload (node:http's
 * client drops such an answer with EPIPE; curl and most clients show it).
 */
export function exchange(host: string, port: number, wire: WireRequest, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const received: Buffer[] = [];
    let lastError = "";
    let done = false;
    const finish = (result: Exchange) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ kind: "no-answer", detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.on("connect", () => {
      // Keep-alive (no "Connection: close"): a server that answers before reading the whole body then
      // drains it; with "close" it shuts the socket on unread bytes and the TCP reset loses its answer.
      const lines = [`${wire.method} ${wire.target} HTTP/1.1`, `Host: ${host}:${port}`];
      for (const [name, value] of Object.entries(wire.headers)) lines.push(`${name}: ${value}`);
      if (wire.body !== undefined) lines.push(`Content-Length: ${wire.body.length}`);
      socket.write(Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"));
      if (wire.body !== undefined && wire.body.length > 0) socket.write(wire.body);
    });
    socket.on("data", (chunk: Buffer) => {
      received.push(chunk);
      const parsed = parseAnswer(Buffer.concat(received), wire.method, false);
      if (parsed !== undefined) finish({ kind: "answer", ...parsed });
    });
    socket.on("error", (error) => {
      lastError = error.message;
    });
    socket.on("close", () => {
      const parsed = parseAnswer(Buffer.concat(received), wire.method, true);
      if (parsed !== undefined) return finish({ kind: "answer", ...parsed });
      const seen = Buffer.concat(received);
      const what = seen.length === 0 ? "no bytes" : `${seen.length} bytes that are not a whole answer: ${JSON.stringify(seen.toString("latin1").slice(0, 200))}`;
      finish({ kind: "no-answer", detail: `the connection closed after ${what}${lastError === "" ? "" : ` (${lastError})`}` });
    });
  });
}
