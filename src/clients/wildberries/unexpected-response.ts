import { unreadableAnswerMessage } from "../unreadable-answer.js";

/** A Wildberries answer the client cannot read: not JSON, or neither the method's contract nor a documented error. */
export class WbUnexpectedResponse extends Error {
  override readonly name = "WbUnexpectedResponse";

  constructor(
    readonly method: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    super(unreadableAnswerMessage(`Wildberries ${method}`, httpStatus, body, reason, "Promotion API (advert-api)"));
  }
}
