export { MyshareClient, type MyshareClientOptions } from "./client.js";
export type { MsError, MsResult } from "./result.js";
export { MsUnexpectedResponse } from "./unexpected-response.js";
