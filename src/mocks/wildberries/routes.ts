import { campaignRoutes } from "./campaign-routes.js";
import { catalogueRoutes } from "./catalogue-routes.js";
import { financeRoutes } from "./finance-routes.js";
import { mediaRoutes } from "./media-routes.js";
import { phraseRoutes } from "./phrase-routes.js";
import type { WbRoute } from "./route.js";
import { statsRoutes } from "./stats-routes.js";

/** Every Wildberries Promotion method (research §4), by area. */
export const WB_ROUTES: readonly WbRoute[] = [
  ...catalogueRoutes,
  ...campaignRoutes,
  ...financeRoutes,
  ...phraseRoutes,
  ...statsRoutes,
  ...mediaRoutes,
];
