import type { WbOperationDoc } from "./operation.js";

export const STATS_OPERATIONS: readonly WbOperationDoc[] = [];
