import type { Router } from "express";
import type { SandboxContext } from "../http/context.js";

/** Control-plane routes for Wildberries: adding money to balance, net and bonus. */
export function wildberriesMoneyControl(_ctx: SandboxContext, _router: Router): void {}
