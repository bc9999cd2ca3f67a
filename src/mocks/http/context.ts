import type { TenantRegistry } from "../../state/kernel/tenants.js";
import type { CallLog } from "./call-log.js";
import type { SandboxLogger } from "./logger.js";
import type { OpenStreams } from "./open-streams.js";
import type { StepQueue } from "./step-queue.js";

/** A response that did not match its contract (collected when response validation is on). */
export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  issues: string;
}

/** One answer as it leaves the sandbox (for observers such as the test suite's OpenAPI check). */
export interface SentAnswer {
  method: string;
  /** The request path without the query. */
  path: string;
  status: number;
  contentType: string | undefined;
  /** The body text; undefined when the answer has no body. */
  body: string | undefined;
}

/** What every adapter shares: the tenants, and whether responses are checked against their contracts. */
export interface SandboxContext {
  registry: TenantRegistry;
  version: string;
  validateResponses: boolean;
  violations: ContractViolation[];
  /** Called with every answer `send()` writes (tests use it to check answers against the OpenAPI documents). */
  onAnswer: ((answer: SentAnswer) => void) | undefined;
  /** Where log lines go: an access line per call (info), internal errors (error); silent in-process unless asked. */
  logger: SandboxLogger;
  /** The answers that stay open (event streams), ended when the server closes. */
  streams: OpenStreams;
  /** Real milliseconds between an event stream's heartbeat comments (default 15 s; tests shorten it). */
  heartbeatMs: number;
  /** Each tenant's steps, one after the other, in the order they were recorded. */
  steps: StepQueue;
  /** Where the calls that reach a tenant are recorded before their steps run (--data-dir); none in memory only. */
  calls: CallLog | undefined;
}
