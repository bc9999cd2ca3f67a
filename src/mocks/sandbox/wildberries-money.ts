import type { Router } from "express";
import { WbMoneyTopUpRequest, WbMoneyTopUpResponse, WB_TOP_UP_MAX } from "../../contracts/sandbox/wildberries-money.js";
import { topUpMoney } from "../../state/wildberries/payments.js";
import type { SandboxContext } from "../http/context.js";
import { defineRoute } from "./method-routes.js";
import { fail, reply } from "./reply.js";
import { withTenant } from "./tenant-handler.js";

/** Control-plane routes for Wildberries: adding money to balance, net and bonus. */
export function wildberriesMoneyControl(ctx: SandboxContext, router: Router): void {
  defineRoute(ctx, router, "/wildberries/balance", {
    POST: withTenant(ctx, (req, res, tenant) => {
      const body = WbMoneyTopUpRequest.safeParse(req.body ?? {});
      if (!body.success) {
        const issue = body.error.issues[0];
        const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.join(".")}: `;
        return fail(
          ctx,
          req,
          res,
          400,
          "invalid_request",
          `send {"balance"?, "net"?, "bonus"?}: whole rubles from 0 to ${WB_TOP_UP_MAX}, at least one of them (${where}${issue?.message ?? "invalid body"})`,
        );
      }
      const money = topUpMoney(tenant, body.data);
      reply(ctx, req, res, 200, { balance: money.balance, net: money.net, bonus: money.bonus }, WbMoneyTopUpResponse);
    }),
  });
}
