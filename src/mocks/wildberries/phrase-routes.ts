import type { WbRoute } from "./route.js";

export const phraseRoutes: readonly WbRoute[] = [];
