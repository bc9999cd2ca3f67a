import type { WbRoute } from "./route.js";

export const financeRoutes: readonly WbRoute[] = [];
