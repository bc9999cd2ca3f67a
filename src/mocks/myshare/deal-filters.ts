import { MS_DEAL_ORDER_FIELDS, type MsDealOrderField } from "../../contracts/myshare/deal-list.js";
import { MS_CURRENCIES, MS_DEAL_STATUSES } from "../../contracts/myshare/enums.js";
import type { Tenant } from "../../state/kernel/tenant.js";
import { ALL_DEALS, type DealOrder, type DealOrderKey, type DealQuery } from "../../state/myshare/deal-query.js";
import { findOffer } from "../../state/myshare/offers.js";
import { isKnownPromoCode } from "../../state/myshare/promos.js";
import { uuidText } from "./drf/fields.js";
import type { ValidationErrors } from "./drf/form.js";

/** The deal list's filters, read: the query for the domain, or django-filter's 400 by filter name. */
export type DealFilterRead = { ok: true; query: DealQuery } | { ok: false; errors: ValidationErrors };

const ORDER_KEYS = {
  conversion_time: "conversionTime",
  cost: "cost",
  payment_sum: "paymentSum",
  modified_at: "modifiedAt",
} as const satisfies Record<MsDealOrderField, DealOrderKey>;

/** Django's ChoiceField message. */
const invalidChoice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;
/** Django's DateField message (DateFromToRangeFilter reports it once under the filter's own name). */
const INVALID_DATE = "Enter a valid date.";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;

/** A real calendar date's midnight (UTC), or undefined (2026-02-30 is no date). */
function dayStart(year: string, month: string, day: string): number | undefined {
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const back = new Date(ms);
  return back.getUTCFullYear() === Number(year) && back.getUTCMonth() === Number(month) - 1 && back.getUTCDate() === Number(day) ? ms : undefined;
}

/**
 * A bound of conversion_time: a date (`2026-01-15`: from its start, or to its last instant for
 * `_before`) or an ISO datetime (naive ones are UTC, the sandbox's time zone); undefined when neither.
 */
function bound(text: string, end: boolean): number | undefined {
  const date = DATE.exec(text.trim());
  if (date !== null) {
    const start = dayStart(date[1] ?? "", date[2] ?? "", date[3] ?? "");
    return start === undefined ? undefined : end ? start + DAY_MS - 1 : start;
  }
  const time = DATETIME.exec(text.trim());
  if (time === null) return undefined;
  const start = dayStart(time[1] ?? "", time[2] ?? "", time[3] ?? "");
  const [hours, minutes, seconds] = [Number(time[4]), Number(time[5]), Number(time[6] ?? "0")];
  if (start === undefined || hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const millis = Number((time[7] ?? "0").padEnd(3, "0").slice(0, 3));
  const zone = time[8];
  let offset = 0;
  if (zone !== undefined && zone !== "Z") {
    const digits = zone.replace(":", "");
    offset = (zone.startsWith("-") ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  return start + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis - offset;
}

function orderOf(fields: readonly string[]): DealOrder[] {
  return fields.flatMap((field) => {
    const name = field.replace(/^-/, "");
    const known = MS_DEAL_ORDER_FIELDS.find((candidate) => candidate === name);
    return known === undefined ? [] : [{ key: ORDER_KEYS[known], descending: field.startsWith("-") }];
  });
}

/**
 * The deal FilterSet: status, offer (UUIDs), promo (codes), currency (each multi-value: the parameter
 * repeated, any value matches), conversion_time_after/_before, and the order: `o` (django-filter's
 * OrderingFilter, comma list or repeated; an unknown field is a 400) or `ordering` (DRF's OrderingFilter:
 * unknown fields are ignored). Empty values are ignored. Errors are django-filter's, one list per filter,
 * naming the first bad value.
 */
export function readDealFilters(tenant: Tenant, rawQuery: string): DealFilterRead {
  const params = new URLSearchParams(rawQuery);
  const values = (name: string) => params.getAll(name).filter((value) => value.trim() !== "");
  const errors: ValidationErrors = {};

  const choices = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const picked: T[] = [];
    for (const value of values(name)) {
      const found = allowed.find((choice) => choice === value);
      if (found === undefined) {
        errors[name] ??= [invalidChoice(value)];
        continue;
      }
      picked.push(found);
    }
    return picked;
  };

  const statuses = choices("status", MS_DEAL_STATUSES);
  // ModelMultipleChoiceFilter over the tenant's offers: a value that is no UUID first, then one that is no offer.
  const offerValues = values("offer");
  const malformed = offerValues.find((value) => uuidText(value) === undefined);
  const offerIds = offerValues.flatMap((value) => {
    const id = uuidText(value);
    return id === undefined ? [] : [id];
  });
  if (malformed !== undefined) errors["offer"] = [`“${malformed}” is not a valid value.`];
  else {
    const unknown = offerValues.find((value) => findOffer(tenant, uuidText(value) ?? "") === undefined);
    if (unknown !== undefined) errors["offer"] = [invalidChoice(unknown)];
  }
  const promoCodes = values("promo");
  const unknownCode = promoCodes.find((code) => !isKnownPromoCode(tenant, code));
  if (unknownCode !== undefined) errors["promo"] = [invalidChoice(unknownCode)];
  const currencies = choices("currency", MS_CURRENCIES);

  const read = (name: string, end: boolean): number | null | "bad" => {
    const all = params.getAll(name);
    const text = all[all.length - 1];
    if (text === undefined || text.trim() === "") return null;
    return bound(text, end) ?? "bad";
  };
  const after = read("conversion_time_after", false);
  const before = read("conversion_time_before", true);
  if (after === "bad" || before === "bad") errors["conversion_time"] = [INVALID_DATE];

  const filterOrder = values("o").flatMap((value) => value.split(",")).map((field) => field.trim()).filter((field) => field !== "");
  const badOrder = filterOrder.find((field) => orderOf([field]).length === 0);
  if (badOrder !== undefined) errors["o"] = [invalidChoice(badOrder)];
  const drfOrder = orderOf(values("ordering").flatMap((value) => value.split(",")).map((field) => field.trim()));
  const order = filterOrder.length > 0 ? orderOf(filterOrder) : drfOrder.length > 0 ? drfOrder : ALL_DEALS.order;

  if (Object.keys(errors).length > 0 || after === "bad" || before === "bad") return { ok: false, errors };
  return { ok: true, query: { statuses, offerIds, promoCodes, currencies, after, before, order } };
}
