import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createSandbox, type Sandbox } from "../../../src/server.js";

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

/** Sends the headers and the first byte of a body that never comes; resolves with all the server writes until it closes. */
function trickle(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write("POST /api/offerwall/v1/campaigns/get HTTP/1.1\r\nHost: x\r\nAuthorization: slow\r\nContent-Length: 100\r\n\r\n{");
    });
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

describe("a body that does not arrive in time", () => {
  it("is answered 408 and its connection closed once the request timeout passes", async () => {
    sandbox = createSandbox({ requestTimeoutMs: 300 });
    const url = await sandbox.listen(0, "127.0.0.1");
    const began = Date.now();
    const answer = await trickle(Number(new URL(url).port));
    expect(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n")).toBe(true);
    expect(answer).toContain("Connection: close");
    // The cut comes after the timeout, within Node's one check interval (capped at the timeout here).
    expect(Date.now() - began).toBeGreaterThanOrEqual(300);
    const health = await fetch(`${url}/__sandbox/health`);
    expect(health.status).toBe(200);
  });
});
