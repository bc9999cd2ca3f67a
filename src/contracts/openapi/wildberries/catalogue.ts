import type { WbOperationDoc } from "./operation.js";

export const CATALOGUE_OPERATIONS: readonly WbOperationDoc[] = [];
