// An informative second baseline: bare express 5 doing the HTTP work campaigns/get does (a POST with a
// JSON body through express.json(), a ~1 KB JSON answer) and nothing else, with the sandbox's app
// settings (no ETag, no X-Powered-By). Answers with the body given in CAMPAIGN_GET_BODY, its
// ymCampaignId replaced by the one asked for.
import type { AddressInfo } from "node:net";
import express from "express";

const template: unknown = JSON.parse(process.env["CAMPAIGN_GET_BODY"] ?? "{}");
if (typeof template !== "object" || template === null) throw new Error("CAMPAIGN_GET_BODY must be a JSON object");
const result: unknown = Reflect.get(template, "result");

const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.post("/", express.json(), (req, res) => {
  const body: unknown = req.body;
  const asked: unknown = typeof body === "object" && body !== null ? Reflect.get(body, "ymCampaignId") : undefined;
  res.json({ ...template, result: typeof result === "object" && result !== null ? { ...result, ymCampaignId: asked } : result });
});

const server = app.listen(0, "127.0.0.1", () => {
  const address: AddressInfo | string | null = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  process.stdout.write(`post-echo ready on http://127.0.0.1:${port}\n`);
});
process.once("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
});
