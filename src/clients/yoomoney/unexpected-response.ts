const SNIPPET_LENGTH = 300;

/** A YooMoney answer the client cannot read: not JSON, or not the method's contract nor the error envelope. */
export class YmUnexpectedResponse extends Error {
  override readonly name = "YmUnexpectedResponse";

  constructor(
    readonly method: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    const snippet = body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}...` : body;
    super(
      `YooMoney ${method} answered HTTP ${httpStatus} with a body the client cannot read: ${reason}. ` +
        `Check baseUrl points at the offer-program API (it got: ${JSON.stringify(snippet)})`,
    );
  }
}
