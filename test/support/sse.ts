import { request, type ClientRequest, type IncomingMessage } from "node:http";

/** One server-sent event block: its fields, or a comment (a line starting with ":"). */
export type SseBlock = { kind: "event"; id: string | undefined; event: string | undefined; data: string } | { kind: "comment"; text: string };

/** An open event stream read with node:http: its answer's head, then each block as it comes. */
export interface SseClient {
  status: number;
  headers: IncomingMessage["headers"];
  /** The next block (a comment too); rejects when the stream ends first or none comes within `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseBlock>;
  /** The next event, skipping comments. */
  nextEvent(timeoutMs?: number): Promise<Extract<SseBlock, { kind: "event" }>>;
  /** Resolves when the stream is over: "end" when the server ended it properly, "aborted" when the connection broke. */
  ended: Promise<"end" | "aborted">;
  /** The whole text received so far. */
  text(): string;
  /** Goes away (destroys the connection). */
  close(): void;
}

function parseBlock(block: string): SseBlock {
  const lines = block.split("\n");
  if (lines.every((line) => line.startsWith(":"))) return { kind: "comment", text: lines.map((line) => line.slice(1).trim()).join("\n") };
  let id: string | undefined;
  let event: string | undefined;
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith(":")) continue;
    const at = line.indexOf(":");
    const field = at === -1 ? line : line.slice(0, at);
    const value = at === -1 ? "" : line.slice(at + 1).replace(/^ /, "");
    if (field === "id") id = value;
    if (field === "event") event = value;
    if (field === "data") data.push(value);
  }
  return { kind: "event", id, event, data: data.join("\n") };
}

/** Opens `url` as an event stream (GET, with `headers`); resolves once the answer's head came. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req: ClientRequest = request(url, { headers: { Accept: "text/event-stream", ...headers } });
    req.once("error", reject);
    req.once("response", (res) => {
      res.setEncoding("utf8");
      let all = "";
      let pending = "";
      const blocks: SseBlock[] = [];
      const waiting: { resolve: (block: SseBlock) => void; reject: (error: Error) => void }[] = [];
      let done = false;
      let endedResolve: (how: "end" | "aborted") => void = () => {};
      const ended = new Promise<"end" | "aborted">((r) => (endedResolve = r));
      const finish = (how: "end" | "aborted") => {
        if (done) return;
        done = true;
        endedResolve(how);
        for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the stream ended; it had sent: ${JSON.stringify(all)}`));
      };
      res.on("data", (chunk: string) => {
        all += chunk;
        pending += chunk;
        for (let at = pending.indexOf("\n\n"); at !== -1; at = pending.indexOf("\n\n")) {
          const block = parseBlock(pending.slice(0, at));
          pending = pending.slice(at + 2);
          const waiter = waiting.shift();
          if (waiter === undefined) blocks.push(block);
          else waiter.resolve(block);
        }
      });
      res.once("end", () => finish("end"));
      res.once("aborted", () => finish("aborted"));
      res.once("error", () => finish("aborted"));
      res.once("close", () => finish(res.complete ? "end" : "aborted"));
      const next = (timeoutMs = 5000): Promise<SseBlock> => {
        const queued = blocks.shift();
        if (queued !== undefined) return Promise.resolve(queued);
        if (done) return Promise.reject(new Error(`the stream ended; it had sent: ${JSON.stringify(all)}`));
        return new Promise((resolveBlock, rejectBlock) => {
          const waiter = {
            resolve: (block: SseBlock) => {
              clearTimeout(timer);
              resolveBlock(block);
            },
            reject: (error: Error) => {
              clearTimeout(timer);
              rejectBlock(error);
            },
          };
          const timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(waiter), 1);
            rejectBlock(new Error(`no block within ${timeoutMs} ms; the stream had sent: ${JSON.stringify(all)}`));
          }, timeoutMs);
          waiting.push(waiter);
        });
      };
      const nextEvent = async (timeoutMs?: number): Promise<Extract<SseBlock, { kind: "event" }>> => {
        for (;;) {
          const block = await next(timeoutMs);
          if (block.kind === "event") return block;
        }
      };
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next,
        nextEvent,
        ended,
        text: () => all,
        close: () => req.destroy(),
      });
    });
    req.end();
  });
}
