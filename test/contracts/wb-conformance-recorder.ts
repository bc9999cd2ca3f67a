import type { App } from "../support/app.js";
import type { Response } from "supertest";
import type { JsonValue } from "../../src/state/kernel/json.js";
import { wb } from "../mocks/wildberries/helpers.js";
import type { Observation } from "./wb-conformance-compare.js";

/** What a step expects: one status, or any of several where the docs leave the choice open. */
export type Expected = number | readonly number[];

function mediaType(header: unknown): string | undefined {
  if (typeof header !== "string" || header === "") return undefined;
  return header.split(";")[0]?.trim().toLowerCase();
}

function parsedBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Calls Wildberries methods on the sandbox and keeps every answer as an Observation. A status other than
 * the step expects is a scenario problem (reported by the test; usually a method that is not served yet).
 */
export class Recorder {
  readonly observations: Observation[] = [];
  readonly problems: string[] = [];

  constructor(
    private readonly app: App,
    private readonly token: string,
  ) {}

  /** One call; `target` may carry a query string; `token: null` sends no Authorization. */
  async call(step: string, verb: "GET" | "POST", target: string, body: JsonValue | undefined, expected: Expected, token: string | null = this.token): Promise<Observation> {
    const response: Response = token === null ? await wb(this.app, verb, target, body).unset("Authorization") : await wb(this.app, verb, target, body, token);
    return this.record(step, verb, target, response, expected);
  }

  /** A POST whose body is `raw` as is (not JSON), e.g. to provoke "Ошибка обработки тела запроса". */
  async callRaw(step: string, target: string, raw: string, expected: Expected): Promise<Observation> {
    const response: Response = await wb(this.app, "POST", target, undefined, this.token).set("Content-Type", "application/json").send(raw);
    return this.record(step, "POST", target, response, expected);
  }

  private record(step: string, verb: "GET" | "POST", target: string, response: Response, expected: Expected): Observation {
    const text = typeof response.text === "string" ? response.text : "";
    const observation: Observation = {
      step,
      method: verb,
      path: target.split("?")[0] ?? target,
      status: response.status,
      contentType: mediaType(response.headers["content-type"]),
      body: parsedBody(text),
      text,
    };
    this.observations.push(observation);
    const allowed: readonly number[] = typeof expected === "number" ? [expected] : expected;
    if (!allowed.includes(response.status)) {
      this.problems.push(`${step}: ${verb} ${target} answered ${response.status} (expected ${allowed.join(" or ")}): ${text.slice(0, 200)}`);
    }
    return observation;
  }
}

/** The integer a JSON answer holds at `read`, or undefined. */
export function intFrom(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
