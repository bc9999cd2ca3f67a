import { z } from "zod";
import { MS_CURRENCIES, MS_DEAL_STATUSES, MsCurrency, MsDealStatus } from "./enums.js";
import { MsDeal } from "./deal.js";

/** What `o` and `ordering` may name (a leading `-`: descending). */
export const MS_DEAL_ORDER_FIELDS = ["conversion_time", "cost", "payment_sum", "modified_at"] as const;
export type MsDealOrderField = (typeof MS_DEAL_ORDER_FIELDS)[number];

const many = <T extends z.ZodType>(item: T, description: string) => z.union([item, z.array(item)]).optional().meta({ description: `${description}; repeat the parameter for several (any of them matches)` });
const orderings = [...MS_DEAL_ORDER_FIELDS, ...MS_DEAL_ORDER_FIELDS.map((field) => `-${field}` as const)];

/**
 * The deal filters (django-filter's FilterSet of the deal list): each multi-value filter matches any of
 * its values; a value that is not one of the choices is a 400 naming the filter.
 */
export const MsDealFilterQuery = z.object({
  status: many(MsDealStatus, `A status (${MS_DEAL_STATUSES.join(", ")})`),
  offer: many(z.string(), "An offer's UUID"),
  promo: many(z.string(), "A promo code (a partner's or a personal one) the deal was reported with"),
  currency: many(MsCurrency, `A currency (${MS_CURRENCIES.join(", ")})`),
  conversion_time_after: z.string().optional().meta({ description: "From this date (YYYY-MM-DD, from 00:00) or ISO datetime (naive = UTC), inclusive" }),
  conversion_time_before: z.string().optional().meta({ description: "Up to this date (YYYY-MM-DD, to the day's end) or ISO datetime, inclusive" }),
});

/** `GET /deal/`: the filters, page-number pagination and the order. */
export const MsDealListQuery = MsDealFilterQuery.extend({
  o: z
    .union([z.enum(orderings), z.array(z.enum(orderings))])
    .optional()
    .meta({ description: "Order (django-filter OrderingFilter): -conversion_time (default), conversion_time, cost, payment_sum, modified_at, with - for descending; a comma list or the parameter repeated; an unknown field is a 400" }),
  ordering: z.string().optional().meta({ description: "Order (DRF OrderingFilter), the same fields as o, comma-separated; unknown fields are ignored; o wins when both are sent" }),
  page: z.string().optional().meta({ description: "1-based page number, or last" }),
  page_size: z.string().optional().meta({ description: "Items per page, 1-100 (default 10)" }),
});

export const MsDealList = z
  .object({
    count: z.number().int().nonnegative(),
    next: z.string().nullable(),
    previous: z.string().nullable(),
    results: z.array(MsDeal),
  })
  .meta({ id: "MsDealList" });
export type MsDealList = z.infer<typeof MsDealList>;

const counts = (description: string) => z.record(z.string(), z.number().int().nonnegative()).meta({ description });

/** `GET /deal/get_count_deals/`: how many of the selected deals have each value of the list's filters. */
export const MsDealCounts = z
  .object({
    offer: counts("Deals by offer UUID"),
    currency: counts("Deals by currency (every currency listed)"),
    status: counts("Deals by status (every status listed)"),
    promo: counts("Deals by the promo code they were reported with"),
  })
  .meta({ id: "MsDealCounts" });
export type MsDealCounts = z.infer<typeof MsDealCounts>;

const sumOf = (status: string) => z.number().nullable().meta({ description: `The sum of the ${status} deals' cost; null when there are none (SQL's SUM)` });
const countOf = (status: string) => z.number().int().nonnegative().meta({ description: `How many deals are ${status}` });

/** `GET /deal/get_statistics_deals/`: counts and cost sums by status, of the deals the filters select. */
export const MsDealStatistics = z
  .object({
    deal_created: countOf("Created"),
    deal_paid: countOf("Paid"),
    deal_approved: countOf("Approved"),
    deal_canceled: countOf("Canceled"),
    deal_rejected: countOf("Rejected"),
    sum_deal_created: sumOf("Created"),
    sum_deal_paid: sumOf("Paid"),
    sum_deal_approved: sumOf("Approved"),
    sum_deal_canceled: sumOf("Canceled"),
    sum_deal_rejected: sumOf("Rejected"),
  })
  .meta({ id: "MsDealStatistics" });
export type MsDealStatistics = z.infer<typeof MsDealStatistics>;

/** `GET /deal/get_general_statistics_deals/`: a page of the deals, and the cost sums by status of all the deals selected. */
export const MsDealGeneralStatistics = MsDealList.extend({
  sum_by_status: z
    .record(z.string(), z.number())
    .meta({ description: "Per status that at least one selected deal has (a GROUP BY status): the sum of their cost" }),
}).meta({ id: "MsDealGeneralStatistics" });
export type MsDealGeneralStatistics = z.infer<typeof MsDealGeneralStatistics>;
