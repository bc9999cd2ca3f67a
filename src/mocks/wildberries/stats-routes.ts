import type { WbRoute } from "./route.js";

export const statsRoutes: readonly WbRoute[] = [];
