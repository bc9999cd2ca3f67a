import type { WbOperationDoc } from "./operation.js";

export const CAMPAIGNS_OPERATIONS: readonly WbOperationDoc[] = [];
