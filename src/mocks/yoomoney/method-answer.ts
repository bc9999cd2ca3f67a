import type { ZodType } from "zod";

/** What a method answers: HTTP 200 with the success body, or with the error envelope. */
export interface MethodAnswer {
  status: number;
  body: unknown;
  schema: ZodType;
}
