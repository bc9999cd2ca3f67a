import type { SpecName } from "./wb-conformance-spec.js";

/**
 * Every deliberate difference between the sandbox's live answers and a provider spec file: the spec
 * file(s), the method, the status, where (see Difference.at) and why. docs/fidelity.md lists
 * exactly these rows; the conformance test fails on a difference not listed here and on a row here that
 * no longer occurs.
 */
export interface DeclaredDifference {
  specs: readonly SpecName[];
  method: "GET" | "POST" | "*";
  /** The method's path, or "*" for a difference every method shares (the gateway's 401/429). */
  path: string;
  status: number;
  at: string;
  reason: string;
}

const ALL = ["2025-09", "2025-12", "2026-03"] as const;
/** The files that still document the type-8 and phrase methods removed on 15 Jan / 2 Feb 2026. */
const UNTIL_2025_12 = ["2025-09", "2025-12"] as const;

const JSON_STRING =
  "seed-era method errors are bare JSON strings sent as application/json (research §2.4, §8.3); the spec documents the same text as text/plain";
const STRING_NOT_OBJECT =
  "the seed-era (Dec 2024) answer is a bare JSON string (seed sample; P:BA23); the {\"error\": ...} object the spec documents is the 2025 shape";

export const DECLARED_DIFFERENCES: readonly DeclaredDifference[] = [
  { specs: ALL, method: "POST", path: "/adv/v2/supplier/nms", status: 400, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "POST", path: "/adv/v0/rename", status: 400, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "POST", path: "/adv/v0/rename", status: 422, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "GET", path: "/adv/v0/start", status: 400, at: "(root)", reason: STRING_NOT_OBJECT },
  { specs: ALL, method: "GET", path: "/adv/v0/pause", status: 400, at: "(root)", reason: STRING_NOT_OBJECT },
  { specs: ALL, method: "GET", path: "/adv/v0/stop", status: 400, at: "(root)", reason: STRING_NOT_OBJECT },
  { specs: ALL, method: "GET", path: "/adv/v0/start", status: 422, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "GET", path: "/adv/v0/pause", status: 422, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "GET", path: "/adv/v0/stop", status: 422, at: "content-type", reason: JSON_STRING },
  { specs: UNTIL_2025_12, method: "POST", path: "/adv/v1/promotion/adverts", status: 400, at: "content-type", reason: JSON_STRING },
  { specs: UNTIL_2025_12, method: "POST", path: "/adv/v1/promotion/adverts", status: 422, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "GET", path: "/adv/v1/budget", status: 400, at: "content-type", reason: JSON_STRING },
  { specs: ALL, method: "GET", path: "/adv/v1/upd", status: 400, at: "content-type", reason: JSON_STRING },
  {
    specs: ALL,
    method: "POST",
    path: "/adv/v1/budget/deposit",
    status: 200,
    at: "body",
    reason: "the seed answers {\"total\"} only with \"return\": true and an empty 200 otherwise (research §5.10); the spec documents the body always",
  },
  { specs: UNTIL_2025_12, method: "POST", path: "/adv/v1/search/set-excluded", status: 400, at: "content-type", reason: JSON_STRING },
  {
    specs: UNTIL_2025_12,
    method: "POST",
    path: "/adv/v1/auto/set-excluded",
    status: 400,
    at: "(root)",
    reason: "the seed documents the bare JSON string \"Некорректный запрос\"; the {\"error\": \"Invalid Params: ...\"} object is the 2025 shape (P:Y25s)",
  },
  {
    specs: ALL,
    method: "GET",
    path: "/adv/v1/count",
    status: 200,
    at: "/adverts",
    reason: "the seed's sample shows adverts as an array of (type, status, count) groups (research §5.18); the spec types it as a single object",
  },
  {
    specs: UNTIL_2025_12,
    method: "GET",
    path: "/adv/v0/config",
    status: 200,
    at: "missing /categories",
    reason: "categories (per-category minimum bids) is a 2025 addition; the December 2024 config has only the config list (research §5.1)",
  },
  {
    specs: ["2025-09"],
    method: "POST",
    path: "/adv/v1/promotion/adverts",
    status: 200,
    at: "missing /*/auction_multibids",
    reason: "per-nm bids of manual-bid Auctions arrived in 2025; the seed-era type-9 object has only unitedParams (research §6.1, P:TS24)",
  },
  ...(["missing /*/autoParams", "undocumented /*/searchPluseState", "undocumented /*/unitedParams"] as const).map((at) => ({
    specs: ["2025-12"] as const,
    method: "POST" as const,
    path: "/adv/v1/promotion/adverts",
    status: 200,
    at,
    reason:
      "2025-12 documents this method for types 4-8 only (type 9 moved to /adv/v0/auction/adverts), so an Auction campaign is held to the type-8 shape; the seed-era method answers type 9 with searchPluseState and unitedParams (research §6.1)",
  })),
  {
    specs: ALL,
    method: "GET",
    path: "/adv/v1/balance",
    status: 200,
    at: "missing /cashbacks",
    reason: "cashbacks is a 2025 addition; the seed's balance is {balance, net, bonus} (research §5.10)",
  },
  {
    specs: ALL,
    method: "GET",
    path: "/adv/v1/adverts",
    status: 200,
    at: "missing /*/endTime",
    reason: "endTime is optional in the seed-era list (research §5.18) and sent only once a media campaign has ended; the scenario's campaign runs",
  },
  {
    specs: ALL,
    method: "GET",
    path: "/adv/v1/advert",
    status: 400,
    at: "status",
    reason:
      'the media docs show no 400: a missing or malformed id is answered 400 "Некорректный ID кампании" (the promotion methods\' answer to a bad id), while 204 stays the documented answer for a well-formed id the seller does not have (docs/fidelity.md, media campaigns)',
  },
  {
    specs: ["2026-03"],
    method: "*",
    path: "*",
    status: 401,
    at: "content-type",
    reason: "application/problem+json is a 2026 change; the seed, 2025-09 and 2025-12 answer the gateway's 401 as application/json",
  },
];
