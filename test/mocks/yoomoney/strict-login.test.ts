import request from "supertest";
import { describe, expect, it } from "vitest";
import { makeSandbox } from "../../support/sandbox.js";
import { ymError } from "./helpers.js";

const WRONG_PASSWORD = ymError(
  "unauthorized",
  "Invalid login or password: this login was first used with another password (--auth strict); send that one, or log in with a new login",
);
const loginCall = (app: Parameters<typeof request>[0], login: string, password: string) =>
  request(app).post("/api/offerwall/v1/users/login").set("Content-Type", "application/json").send({ login, password });

describe("users/login in strict mode checks the password", () => {
  it("the first login sets it; later logins need the same one, else 401 and no token", async () => {
    const { app, registry } = makeSandbox({ auth: "strict" });
    const first = await loginCall(app, "alice", "s3cret");
    expect(first.status).toBe(200);
    const wrong = await loginCall(app, "alice", "guess");
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(WRONG_PASSWORD);
    const again = await loginCall(app, "alice", "s3cret");
    expect(again.status).toBe(200);
    expect(again.body.accessToken).not.toBe(first.body.accessToken);
    expect(registry.tokens.all()).toHaveLength(2);
    expect(JSON.stringify(registry.credentials.all())).not.toContain("s3cret");
  });

  it("open mode keeps any password working", async () => {
    const { app } = makeSandbox();
    expect((await loginCall(app, "alice", "one")).status).toBe(200);
    expect((await loginCall(app, "alice", "two")).status).toBe(200);
  });
});
