const SNIPPET_LENGTH = 300;

/** A myshare answer the client cannot read: not JSON, or neither the call's contract nor a DRF error. */
export class MsUnexpectedResponse extends Error {
  override readonly name = "MsUnexpectedResponse";

  constructor(
    readonly call: string,
    readonly httpStatus: number,
    readonly body: string,
    reason: string,
  ) {
    const snippet = body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}...` : body;
    super(
      `myshare ${call} answered HTTP ${httpStatus} with a body the client cannot read: ${reason}. ` +
        `Check baseUrl points at the myshare API (it got: ${JSON.stringify(snippet)})`,
    );
  }
}
