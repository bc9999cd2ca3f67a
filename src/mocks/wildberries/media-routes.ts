import type { WbRoute } from "./route.js";

export const mediaRoutes: readonly WbRoute[] = [];
