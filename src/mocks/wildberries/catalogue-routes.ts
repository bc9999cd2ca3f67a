import type { WbRoute } from "./route.js";

export const catalogueRoutes: readonly WbRoute[] = [];
