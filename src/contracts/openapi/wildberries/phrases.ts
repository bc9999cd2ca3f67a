import type { WbOperationDoc } from "./operation.js";

export const PHRASES_OPERATIONS: readonly WbOperationDoc[] = [];
