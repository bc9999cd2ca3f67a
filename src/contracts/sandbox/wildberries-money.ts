import { z } from "zod";

/** At most this many rubles per field per call (keeps every sum a safe integer). */
export const WB_TOP_UP_MAX = 1_000_000_000_000;

const amount = (description: string) => z.number().int().min(0).max(WB_TOP_UP_MAX).optional().meta({ description });

/** `POST /__sandbox/wildberries/balance`: money added to the seller (at least one field). */
export const WbMoneyTopUpRequest = z
  .object({
    balance: amount("Rubles added to the account (счёт); a positive amount is also a payment in GET /adv/v1/payments"),
    net: amount("Rubles added to the balance (баланс, settled from future sales)"),
    bonus: amount("Rubles added to the bonuses"),
  })
  .refine((b) => b.balance !== undefined || b.net !== undefined || b.bonus !== undefined, { message: "send at least one of balance, net, bonus" })
  .meta({ id: "SandboxWbMoneyTopUpRequest" });

/** The seller's money after the top-up, as GET /adv/v1/balance shows it. */
export const WbMoneyTopUpResponse = z
  .object({ balance: z.number().int(), net: z.number().int(), bonus: z.number().int() })
  .meta({ id: "SandboxWbMoneyResponse" });
