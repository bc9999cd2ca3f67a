import { WbGatewayError } from "../../contracts/wildberries/errors.js";
import type { Answer } from "../http/answer.js";
import type { Exchange } from "../http/exchange.js";
import { reasonPhrase } from "../http/reason-phrase.js";
import { gatewayError, uuidFrom } from "./gateway-errors.js";

/** A status the gateway has its own words for (research/wildberries.md §2.4, §3.3). */
interface GatewayWords {
  title: string;
  detail: string;
  headers?: Record<string, string>;
}

function wordsFor(status: number, limitedBy: string): GatewayWords {
  switch (status) {
    case 401:
      return { title: "unauthorized", detail: "token scope not allowed" };
    case 404:
      return { title: "path not found", detail: "Please consult the https://dev.wildberries.ru/openapi/api-information" };
    case 429:
      return {
        title: "too many requests",
        detail: `limited by ${limitedBy}`,
        headers: { "X-Ratelimit-Retry": "1", "X-Ratelimit-Limit": "1", "X-Ratelimit-Reset": "1" },
      };
    default: {
      // No published body for this status: the gateway's object with the standard reason phrase.
      const phrase = reasonPhrase(status);
      return { title: phrase.toLowerCase(), detail: phrase };
    }
  }
}

/**
 * A fault's answer in the Wildberries gateway's words: its error object (title, detail, code, requestId,
 * origin, status, statusText, timestamp on the tenant's clock) for any status, as its 401, 404 and 429
 * are documented; a 429 carries X-Ratelimit-Retry/-Limit/-Reset of 1 second.
 */
export function wildberriesFault(exchange: Exchange, status: number, tenantId: string, at: number): Answer {
  const words = wordsFor(status, uuidFrom(`${tenantId}:fault`));
  const body = gatewayError(status, words.title, words.detail, `${exchange.req.headers.authorization ?? ""} ${exchange.method} ${exchange.path}`, at);
  return { status, body: { ...body, statusText: reasonPhrase(status) }, schema: WbGatewayError, headers: words.headers };
}
