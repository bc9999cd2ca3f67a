// The throughput baseline: a bare express 5 hello-world (default settings) answering a small JSON to GET.
import type { AddressInfo } from "node:net";
import express from "express";

const app = express();
app.get("/", (_req, res) => {
  res.json({ hello: "world" });
});

const server = app.listen(0, "127.0.0.1", () => {
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`hello-world ready on http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
