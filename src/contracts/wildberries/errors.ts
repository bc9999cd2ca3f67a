import { z } from "zod";

/**
 * The gateway's own error object, shared by every method for 401, 404 (unknown path), 405 and 429
 * (research §2.4, §3.3).
 */
export const WbGatewayError = z
  .object({
    title: z.string(),
    detail: z.string(),
    code: z.string(),
    requestId: z.string(),
    origin: z.string(),
    status: z.number().int(),
    statusText: z.string(),
    timestamp: z.string(),
  })
  .meta({ id: "WbGatewayError" });
export type WbGatewayError = z.infer<typeof WbGatewayError>;

/** Most seed-era method errors: a bare JSON string, e.g. "Некорректный идентификатор РК". */
export const WbErrorText = z.string().meta({ id: "WbErrorText" });

/** The other common method error: `{"error": "..."}`. */
export const WbErrorObject = z.object({ error: z.string() }).meta({ id: "WbErrorObject" });
export type WbErrorObject = z.infer<typeof WbErrorObject>;

/** GET /adv/v0/stats/keywords answers its errors as `{"message", "type"}`. */
export const WbMessageError = z.object({ message: z.string(), type: z.string() }).meta({ id: "WbMessageError" });
export type WbMessageError = z.infer<typeof WbMessageError>;
