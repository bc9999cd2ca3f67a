const SNIPPET_LENGTH = 300;

/** A Wildberries answer the client cannot read: not JSON, or neither the method's contract nor a documented error. */
export class WbUnexpectedResponse extends Error {
  override readonly name = "WbUnexpectedResponse";

  constructor(
    readonly method: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    const snippet = body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}...` : body;
    super(
      `Wildberries ${method} answered HTTP ${httpStatus} with a body the client cannot read: ${reason}. ` +
        `Check baseUrl points at the Promotion API (advert-api) (it got: ${JSON.stringify(snippet)})`,
    );
  }
}
