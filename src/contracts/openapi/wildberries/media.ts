import type { WbOperationDoc } from "./operation.js";

export const MEDIA_OPERATIONS: readonly WbOperationDoc[] = [];
