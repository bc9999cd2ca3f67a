export { YooMoneyClient, type YooMoneyClientOptions } from "./client.js";
export type { YmErrorDetail, YmResult } from "./result.js";
export { YmUnexpectedResponse } from "./unexpected-response.js";
