import type { Router } from "express";
import type { SandboxContext } from "../http/context.js";

/** Control-plane routes for Wildberries: the moderator's decline (status 8) of a promotion campaign. */
export function wildberriesCampaignControl(_ctx: SandboxContext, _router: Router): void {}
