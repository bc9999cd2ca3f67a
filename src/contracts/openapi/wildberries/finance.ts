import type { WbOperationDoc } from "./operation.js";

export const FINANCE_OPERATIONS: readonly WbOperationDoc[] = [];
