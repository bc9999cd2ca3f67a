import { IncomingMessage } from "node:http";

/** Reads an answer up to its first chunk, then closes it (an open stream would never end): that chunk is its text. */
export function firstChunk(res: object, done: (error: Error | null, body: unknown) => void): void {
  if (!(res instanceof IncomingMessage)) throw new Error("supertest's parser is given node's IncomingMessage");
  let finished = false;
  const finish = (text: string) => {
    if (finished) return;
    finished = true;
    // superagent takes the answer's text from here.
    Object.assign(res, { text });
    done(null, text);
  };
  res.setEncoding("utf8");
  res.once("data", (chunk: string) => {
    finish(chunk);
    res.destroy();
  });
  res.once("end", () => finish(""));
}
