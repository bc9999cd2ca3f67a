import { unreadableAnswerMessage } from "../unreadable-answer.js";

/** A myshare answer the client cannot read: not JSON, or neither the call's contract nor a DRF error. */
export class MsUnexpectedResponse extends Error {
  override readonly name = "MsUnexpectedResponse";

  constructor(
    readonly call: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    super(unreadableAnswerMessage(`myshare ${call}`, httpStatus, body, reason, "myshare API"));
  }
}
