import type { RequestListener } from "../../src/server.js";

/** What the tests send requests to: the sandbox's listener, or an express app (both are node:http listeners). */
export type App = RequestListener;
