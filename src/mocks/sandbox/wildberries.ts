import express, { type Router } from "express";
import type { SandboxContext } from "../http/context.js";
import { wildberriesCampaignControl } from "./wildberries-campaigns.js";
import { wildberriesMediaControl } from "./wildberries-media.js";
import { wildberriesMoneyControl } from "./wildberries-money.js";

/** The Wildberries side the real API has no call for: money, the moderator, media campaigns. */
export function wildberriesControlRouter(ctx: SandboxContext): Router {
  const router = express.Router();
  wildberriesMoneyControl(ctx, router);
  wildberriesCampaignControl(ctx, router);
  wildberriesMediaControl(ctx, router);
  return router;
}
