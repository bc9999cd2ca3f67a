import { z } from "zod";
import { jsonResponse, type JsonResponse } from "../http/responses.js";

/** Every control-plane error: a 4xx with `{"error": {"code", "message"}}`. */
export const SandboxError = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Machine-readable reason, e.g. invalid_duration" }),
      message: z.string().meta({ description: "What failed and what to do about it" }),
    }),
  })
  .meta({ id: "SandboxError", description: "Error body of every control-plane call" });
export type SandboxError = z.infer<typeof SandboxError>;

/** A control-plane call's error answer, by what it means ("campaign_not_found: the tenant has no such campaign"). */
export const controlError = (description: string): JsonResponse<typeof SandboxError> => jsonResponse(description, SandboxError);
