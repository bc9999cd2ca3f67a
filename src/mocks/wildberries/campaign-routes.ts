import type { WbRoute } from "./route.js";

export const campaignRoutes: readonly WbRoute[] = [];
