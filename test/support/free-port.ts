import { createServer } from "node:net";

/** A TCP port on 127.0.0.1 that was free a moment ago (for a process that cannot be told `--port 0` and report it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("could not read the port of a probe listener on 127.0.0.1");
  return address.port;
}
