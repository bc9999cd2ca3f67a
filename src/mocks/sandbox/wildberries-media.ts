import type { Router } from "express";
import type { SandboxContext } from "../http/context.js";

/** Control-plane routes for Wildberries: creating media campaigns, which the API cannot. */
export function wildberriesMediaControl(_ctx: SandboxContext, _router: Router): void {}
