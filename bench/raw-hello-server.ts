// The raw anchor: node:http alone answering a constant small JSON to every request (no express, no routing).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const BODY = Buffer.from(JSON.stringify({ hello: "world" }));
const HEADERS = { "content-type": "application/json; charset=utf-8", "content-length": String(BODY.length) };

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, HEADERS);
  res.end(BODY);
});

server.listen(0, "127.0.0.1", () => {
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`raw node:http hello ready on http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
