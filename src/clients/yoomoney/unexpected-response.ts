import { unreadableAnswerMessage } from "../unreadable-answer.js";

/** A YooMoney answer the client cannot read: not JSON, or not the method's contract nor the error envelope. */
export class YmUnexpectedResponse extends Error {
  override readonly name = "YmUnexpectedResponse";

  constructor(
    readonly method: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    super(unreadableAnswerMessage(`YooMoney ${method}`, httpStatus, body, reason, "offer-program API"));
  }
}
