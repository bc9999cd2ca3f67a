import { WB_CONTROL, WB_TOP_UP_MAX, WbMoneyTopUpRequest, WbMoneyTopUpResponse } from "../../../contracts/wildberries/control.js";
import { describeIssues } from "../../../state/kernel/issues.js";
import { topUpMoney } from "../../../state/wildberries/payments.js";
import { fail, reply } from "../../sandbox/answers.js";
import type { SomeControlHandlers } from "../../sandbox/control-plug.js";

/** Adding money to the seller's balance, net and bonus. */
export const MONEY_CONTROL = {
  topUpWildberriesMoney: ({ tenant, body }) => {
    const parsed = WbMoneyTopUpRequest.safeParse(body ?? {});
    if (!parsed.success) {
      return fail(
        400,
        "invalid_request",
        `send {"balance"?, "net"?, "bonus"?}: whole rubles from 0 to ${WB_TOP_UP_MAX}, at least one of them (${describeIssues(parsed.error)})`,
      );
    }
    const money = topUpMoney(tenant, parsed.data);
    return reply(200, { balance: money.balance, net: money.net, bonus: money.bonus }, WbMoneyTopUpResponse);
  },
} satisfies SomeControlHandlers<typeof WB_CONTROL.routes>;
