import { describe, expect, it } from "vitest";
import { createSandboxControlClient } from "../../src/clients/sandbox/index.js";
import { UnexpectedResponse } from "../../src/clients/unexpected-response.js";
import { createWildberriesClient } from "../../src/clients/wildberries/index.js";
import { createSandbox } from "../../src/server.js";
import { afterThisTest } from "../support/after-test.js";
import { T0 } from "../support/fixed-time.js";

describe("the control-plane client's fault calls", () => {
  it("adds, lists and removes faults; a provider client meets the fault as an undocumented status", async () => {
    const sandbox = createSandbox({ validateResponses: true, realNow: () => T0, tenantTtlMs: 0 });
    const baseUrl = await sandbox.listen(0);
    afterThisTest(() => sandbox.close());
    const control = createSandboxControlClient({ baseUrl, token: "clients-faults" });
    const wb = createWildberriesClient({ baseUrl, token: "clients-faults" });

    const added = await control.addFault({ body: { operation: "getBalance", respond: { status: 503 }, times: 1 } });
    expect({ status: added.status, body: added.body }).toEqual({ status: 201, body: { id: "f1", operation: "getBalance", respond: { status: 503 }, times: 1, remaining: 1, applied: 0 } });
    const failed = await wb.getBalance().catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(UnexpectedResponse);
    expect(await wb.getBalance()).toMatchObject({ status: 200 });
    expect(await control.listFaults()).toMatchObject({ status: 200, body: { faults: [{ id: "f1", remaining: 0, applied: 1 }] } });
    expect(await control.removeFault({ params: { id: "f1" } })).toMatchObject({ status: 200, body: { removed: 1 } });
    expect(await control.removeFault({ params: { id: "f1" } })).toMatchObject({ status: 404, body: { error: { code: "unknown_fault" } } });
    expect(await control.addFault({ body: { times: 0, delayMs: 5 } })).toMatchObject({ status: 400, body: { error: { code: "invalid_fault" } } });
    await control.addFault({ body: { path: "*", delayMs: 1 } });
    expect(await control.clearFaults()).toMatchObject({ status: 200, body: { removed: 1 } });
    expect(sandbox.violations).toEqual([]);
  });
});

describe("the control-plane client's event stream call", () => {
  it("answers what the stream sent at once (its opening) and closes it, rather than waiting for a stream that never ends", async () => {
    const sandbox = createSandbox({ validateResponses: true, realNow: () => T0, tenantTtlMs: 0 });
    const baseUrl = await sandbox.listen(0);
    afterThisTest(() => sandbox.close());
    const control = createSandboxControlClient({ baseUrl, token: "clients-stream" });
    const streamed = await control.streamEvents();
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(typeof streamed.body === "string" && streamed.body.startsWith(":")).toBe(true);
  });
});
