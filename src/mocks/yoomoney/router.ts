import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { ErrorResponse, LoginRequest, LoginResponse } from "../../contracts/yoomoney/index.js";
import { findRule } from "../../state/kernel/rate-limit.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import type { YmError } from "../../state/yoomoney/errors.js";
import { loginWithPassword } from "../../state/yoomoney/login.js";
import { yoomoneyProvider } from "../../state/yoomoney/provider.js";
import { bodyReader, SMALL_BODY_LIMIT_BYTES, type RawBody } from "../http/body-reader.js";
import type { SandboxContext } from "../http/context.js";
import { logInternalError } from "../http/internal-error.js";
import { randomSecret } from "../sandbox/random-secret.js";
import { MAX_JSON_DEPTH, nestsDeeperThan } from "../http/json-depth.js";
import { parseJsonInSlices } from "../http/sliced-json.js";
import { send } from "../http/send.js";
import { bindTenant, tenantOf } from "../http/tenant-of.js";
import { resettleAfterLongJobs, untilIdle, whenIdle } from "../http/tenant-queue.js";
import { errorBody } from "./errors.js";
import { PIN_SLICE } from "./add-pins.js";
import { ADD_PINS_BODY_LIMIT_BYTES } from "./limits.js";
import { METHODS } from "./methods.js";

const PROVIDER = "yoomoney";
const BASE_PATH = "/api/offerwall/v1";
const AUTH_MESSAGES = {
  missing: "No access token: send Authorization: Bearer <access token> (users/login issues one)",
  expired: "The access token has expired; get a new one with users/login",
  unknown: "This access token was not issued by the sandbox (strict auth); get one with users/login or POST /__sandbox/tokens",
} as const;

const METHOD_LIST =
  "users/login, categories/get and campaigns/{create,update,start,stop,add-pins,redeem,get,info,get-all-campaigns,get-pins-by-status}";

type BodyResult = { ok: true; body: unknown } | { ok: false; error: YmError };

const incorrectBody = (detail: string): BodyResult => ({ ok: false, error: { code: "incorrectData", parameter: "body", detail } });

/** How a method's JSON text is parsed: whole, or (add-pins) its long pinList in slices with turns between them. */
type JsonParser = (text: string) => unknown;

const parseWhole: JsonParser = (text) => JSON.parse(text);
const parsePinList = (text: string): Promise<unknown> => parseJsonInSlices(text, "pinList", PIN_SLICE);

/** The raw body as JSON: any JSON value (the contract then says what is wrong with it); none is `{}`. */
async function parseJson(read: RawBody, parse: JsonParser): Promise<BodyResult> {
  if (!read.ok) {
    const problem = read.error;
    if (problem.kind === "tooLarge") return incorrectBody(`The request body is larger than ${problem.limit} bytes; split the upload into several calls`);
    if (problem.kind === "tooDeep") return incorrectBody(`The request body nests deeper than ${problem.limit} levels; send the flat JSON object the method documents`);
    return incorrectBody(`The request body could not be read (${problem.message})`);
  }
  const raw = read.bytes;
  if (raw === undefined) return { ok: true, body: {} };
  if (nestsDeeperThan(raw)) return parseJson({ ok: false, error: { kind: "tooDeep", limit: MAX_JSON_DEPTH } }, parse);
  try {
    return { ok: true, body: await parse(raw.toString("utf8")) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid JSON";
    return incorrectBody(`The request body is not valid JSON (${reason})`);
  }
}

/** 413 for a body over the limit, 400 for any other unreadable one. */
function bodyStatus(read: RawBody): number {
  return !read.ok && read.error.kind === "tooLarge" ? 413 : 400;
}

/**
 * The YooMoney offer-program API under /api/offerwall/v1: POST only, JSON in and out. One route does the
 * whole pipeline (auth, due timers, rate limit, body, method), which keeps the hot path short. The token
 * is checked before the body is read, and each method reads at most its own limit (add-pins a large one).
 */
export function yoomoneyRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  const fail = (req: Request, res: Response, status: number, error: YmError, headers?: Record<string, string>) =>
    send(ctx, req, res, { provider: PROVIDER, status, body: errorBody(error), schema: ErrorResponse, headers });
  const readSmall = bodyReader(SMALL_BODY_LIMIT_BYTES);
  const readLarge = bodyReader(ADD_PINS_BODY_LIMIT_BYTES);

  /** Reads the body and parses it as JSON, leaving the parsed value on req.body (for the journal). */
  const readJson = async (req: Request, res: Response, name: string): Promise<{ status: number; parsed: BodyResult }> => {
    const addPins = name === "campaigns/add-pins";
    const read = await (addPins ? readLarge : readSmall)(req, res);
    const parsed = await parseJson(read, addPins ? parsePinList : parseWhole);
    req.body = parsed.ok ? parsed.body : undefined;
    return { status: bodyStatus(read), parsed };
  };

  const limited = (name: string, tenant: Tenant): number | undefined => {
    if (tenant.settings.rateLimits !== "enforce") return undefined;
    // One bucket per method however its path is spelled (".../categories/get/" is served too).
    const found = findRule(yoomoneyProvider.rateLimits, "POST", `${BASE_PATH}/${name}`);
    if (found === undefined) return undefined;
    const decision = tenant.limiter.take(found.key, found.rule, tenant.clock.now());
    return decision.allowed ? undefined : Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
  };

  /** A POST to `<group>/<method>`: the whole pipeline. */
  const post = async (req: Request, res: Response, name: string) => {
    if (name === "users/login") {
      const { status, parsed } = await readJson(req, res, name);
      if (!parsed.ok) return fail(req, res, status, parsed.error);
      const login = LoginRequest.safeParse(parsed.body);
      if (!login.success) {
        return fail(req, res, 401, { code: "unauthorized", detail: "Invalid login or password: both are required, non-empty strings" });
      }
      const answer = loginWithPassword(ctx.registry, login.data, randomSecret);
      if (!answer.ok) {
        return fail(req, res, 401, {
          code: "unauthorized",
          detail: "Invalid login or password: this login was first used with another password (--auth strict); send that one, or log in with a new login",
        });
      }
      return send(ctx, req, res, { provider: PROVIDER, status: 200, body: answer.value, schema: LoginResponse });
    }
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (!auth.ok) return fail(req, res, 401, { code: "unauthorized", detail: AUTH_MESSAGES[auth.reason] });
    const tenant = auth.tenant;
    bindTenant(req, tenant);
    // A long job of this tenant (a clock move in slices) finishes before its next call touches it.
    if (whenIdle(tenant) !== undefined) await untilIdle(tenant);
    const run = METHODS.get(name);
    if (run === undefined) return notAMethod(req, res, name);
    tenant.cause = "request";
    tenant.settle();
    const retryAfter = limited(name, tenant);
    if (retryAfter !== undefined) {
      const detail = `Too many requests to ${name}; retry in ${retryAfter} s (virtual time)`;
      return fail(req, res, 429, { code: "tooManyRequests", detail }, { "Retry-After": String(retryAfter) });
    }
    const { status, parsed } = await readJson(req, res, name);
    if (whenIdle(tenant) !== undefined) await resettleAfterLongJobs(tenant, "request");
    if (!parsed.ok) return fail(req, res, status, parsed.error);
    const ran = run(tenant, parsed.body, ctx.registry);
    const answer = ran instanceof Promise ? await ran : ran;
    send(ctx, req, res, { provider: PROVIDER, status: answer.status, body: answer.body, schema: answer.schema });
  };

  /**
   * Not a method, or not POST: 405 or 404, whatever the token. A caller with a valid token has the (small)
   * body read first, so its journal shows what was sent; no other caller's body is read.
   */
  const notAMethod = async (req: Request, res: Response, name: string) => {
    if (tenantOf(req) !== undefined) {
      const { status, parsed } = await readJson(req, res, name);
      if (!parsed.ok) return fail(req, res, status, parsed.error);
    }
    if (METHODS.has(name) || name === "users/login") {
      return fail(req, res, 405, { code: "methodNotFound", detail: `${name} takes POST with a JSON body, not ${req.method}` }, { Allow: "POST" });
    }
    fail(req, res, 404, { code: "methodNotFound", detail: `There is no offer-program method ${name}; the methods are ${METHOD_LIST}` });
  };

  // Paths are matched as sent (no express params, so no percent-decoding failure can reach a client).
  router.use(async (req, res) => {
    const name = req.path.replace(/^\/+|\/+$/g, "");
    if (req.method === "POST" && /^[^/]+\/[^/]+$/.test(name)) return post(req, res, name);
    const auth = ctx.registry.authenticate(req.headers.authorization);
    if (auth.ok) bindTenant(req, auth.tenant);
    await notAMethod(req, res, name);
  });

  // The last resort: a sandbox bug answers 500 in YooMoney's envelope, is logged with its stack, and the process keeps serving.
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    logInternalError(req.method, req.originalUrl, err);
    if (res.headersSent) return void res.end();
    fail(req, res, 500, { code: "internalError", detail: "The sandbox failed to handle this call; please report it with the request journal (GET /__sandbox/requests)" });
  });

  return router;
}
