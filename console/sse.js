// Server-sent events read with fetch (EventSource cannot send the Authorization header).

/**
 * @typedef {object} SseMessage
 * @property {string} id
 * @property {string} event
 * @property {string} data
 */

/**
 * Parses one block of an event stream (the lines between two blank lines).
 * @param {string} block
 * @returns {SseMessage | undefined} undefined for a block with no data (a comment, a keep-alive)
 */
export function parseBlock(block) {
  let id = "";
  let event = "message";
  /** @type {string[]} */
  const data = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (name === "id") id = value;
    else if (name === "event") event = value;
    else if (name === "data") data.push(value);
  }
  return data.length === 0 ? undefined : { id, event, data: data.join("\n") };
}

/**
 * Reads an event stream until it ends (or its fetch is aborted), calling `onMessage` for each message.
 * @param {ReadableStream<Uint8Array>} body
 * @param {(message: SseMessage) => void} onMessage
 */
export async function readStream(body, onMessage) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
    buffer = blocks.pop() ?? "";
    for (const block of blocks) {
      const message = parseBlock(block);
      if (message !== undefined) onMessage(message);
    }
  }
}
