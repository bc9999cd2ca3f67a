const SNIPPET_LENGTH = 300;

/**
 * The message every client's unexpected-response error carries: who answered what, why the client cannot
 * read it, where baseUrl should point, and the start of the body.
 */
export function unreadableAnswerMessage(what: string, httpStatus: number, body: string, reason: string, api: string): string {
  const snippet = body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}...` : body;
  return (
    `${what} answered HTTP ${httpStatus} with a body the client cannot read: ${reason}. ` +
    `Check baseUrl points at the ${api} (it got: ${JSON.stringify(snippet)})`
  );
}
