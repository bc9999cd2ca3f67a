import type { WbGatewayError } from "../../contracts/wildberries/errors.js";

/**
 * Why a call failed, as the Promotion API says it:
 * - `method`: the method's own 400/422 error, a bare JSON string ("Статус кампании не изменен") or
 *   `{"error": "..."}` (`format` says which);
 * - `rateLimited`: 429 with X-Ratelimit-Retry (seconds before the next call may succeed), -Limit, -Reset;
 * - `gateway`: the gateway's object for 401 (token), 404 (unknown path), 405 (wrong verb) and the like.
 */
export type WbFailure =
  | { kind: "method"; httpStatus: number; message: string; format: "text" | "object" }
  | {
      kind: "rateLimited";
      httpStatus: 429;
      retryAfterSeconds: number;
      limit: number | undefined;
      resetSeconds: number | undefined;
      gateway: WbGatewayError;
    }
  | { kind: "gateway"; httpStatus: number; gateway: WbGatewayError };

/** What every client call resolves to. `rateLimitRemaining` is X-Ratelimit-Remaining when sent. */
export type WbResult<T> = { ok: true; httpStatus: number; result: T; rateLimitRemaining?: number } | ({ ok: false } & WbFailure);
