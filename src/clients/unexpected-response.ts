import { unreadableAnswerMessage } from "./unreadable-answer.js";

/**
 * An answer a generated client cannot read: a status the operation does not document, a body that is
 * not JSON, or one (or its headers) that breaks the schema documented for its status.
 */
export class UnexpectedResponse extends Error {
  override readonly name = "UnexpectedResponse";

  constructor(
    /** "Wildberries createAuctionCampaign" */
    readonly operation: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
    /** What baseUrl should point at: "Promotion API (advert-api)". */
    api: string,
  ) {
    super(unreadableAnswerMessage(operation, httpStatus, body, reason, api));
  }
}
