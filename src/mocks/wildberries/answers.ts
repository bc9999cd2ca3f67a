import type { ZodType } from "zod";
import { WbErrorObject, WbErrorText, WbMessageError } from "../../contracts/wildberries/errors.js";
import type { Answer } from "../http/answer.js";

/** 200 with an empty body, as most Wildberries writes answer. */
export const empty = (): Answer => ({ status: 200 });

/** The media type of every JSON answer (write-answer.ts sends it with a body). */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/**
 * 200 with an empty body where the provider documents a JSON answer (a deposit without `return`): the
 * body is empty but the media type is the documented one, as the provider sends it.
 */
export const emptyJson = (): Answer => ({ status: 200, headers: { "Content-Type": JSON_CONTENT_TYPE } });

/** A JSON answer with its contract. */
export const json = (body: unknown, schema: ZodType, status = 200): Answer => ({ status, body, schema });

/** 204: "nothing found" where the docs say so. */
export const noContent = (): Answer => ({ status: 204 });

/** An error as a bare JSON string, e.g. 400 "Некорректный идентификатор РК". */
export const errorText = (status: number, message: string): Answer => ({ status, body: message, schema: WbErrorText });

/** An error as `{"error": message}`. */
export const errorObject = (status: number, message: string): Answer => ({ status, body: { error: message }, schema: WbErrorObject });

/** An error as `{"message", "type"}` (stats/keywords). */
export const errorMessage = (status: number, message: string, type: string): Answer => ({
  status,
  body: { message, type },
  schema: WbMessageError,
});
