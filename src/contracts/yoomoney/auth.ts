import { z } from "zod";

/** users/login: issues a JWT; the only answer without the status/result envelope. */
export const LoginRequest = z
  .object({ login: z.string().min(1), password: z.string().min(1) })
  .meta({ id: "YmLoginRequest" });

export const LoginResponse = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().positive().meta({ description: "Seconds" }),
  })
  .meta({ id: "YmLoginResponse" });
