import type { RequestListener } from "../../src/server.js";

/** What the tests send requests to: the sandbox's node:http listener (supertest starts a server for it). */
export type App = RequestListener;
