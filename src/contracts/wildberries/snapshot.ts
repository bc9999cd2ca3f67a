import { z } from "zod";

/**
 * The Wildberries part of a tenant snapshot (`GET`/`PUT /__sandbox/state`, `--state-file`): the
 * seller's whole state as plain JSON, Maps written as arrays. Field by field it is the state model
 * (src/state/wildberries/model.ts, traffic-model.ts, state.ts); the import assigns the parsed value to
 * the model types, so the compiler proves the two agree. Unknown keys are dropped. The checks that
 * span several fields (unique ids, counters, timers) are made by the import itself.
 */

/** An instant on the tenant's clock (epoch ms, 1970 to the end of 9999). */
const epochMs = z.int().min(0).max(253_402_300_799_999);
const count = z.int().min(0);
const rubles = z.int();
/** A scheduler timer id held by the state (it must be pending in the snapshot's scheduler). */
const timerId = z.int().positive().nullable();
const id = z.int().positive();
const moscowDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const CampaignStatus = z.literal([-1, 4, 7, 8, 9, 11]);
const MoneySource = z.literal([0, 1, 3]);

const Money = z.object({ balance: rubles, net: rubles, bonus: rubles });

const Payment = z.object({
  id,
  at: epochMs,
  sum: rubles,
  type: z.literal([0, 1, 3]),
  statusId: z.literal([0, 1]),
  cardStatus: z.string(),
});

const UpdRow = z.object({
  updNum: id,
  updTime: epochMs.nullable(),
  updSum: rubles,
  advertId: id,
  campName: z.string(),
  advertType: z.int(),
  paymentType: z.string(),
  advertStatus: z.int(),
  day: moscowDay,
});

const Catalogue = z.object({
  subjects: z.array(z.object({ id, name: z.string() })),
  nms: z.array(z.object({ nm: id, title: z.string(), subjectId: id })),
});

const AutoParams = z.object({
  subjectId: id,
  nms: z.array(id),
  nmCpm: z.array(z.object({ nm: id, cpm: count })),
  cpm: count,
  active: z.object({ carousel: z.boolean(), recom: z.boolean(), booster: z.boolean() }),
});

const UnitedParam = z.object({ subjectId: id, nms: z.array(id), searchCPM: count, catalogCPM: count });

const PhraseLists = z.object({
  pluse: z.array(z.string()),
  phrase: z.array(z.string()),
  strong: z.array(z.string()),
  excluded: z.array(z.string()),
  fixed: z.boolean(),
});

const CampaignView = z.object({
  name: z.string(),
  status: CampaignStatus,
  changeTime: epochMs,
  startTime: epochMs.nullable(),
  endTime: epochMs.nullable(),
  autoParams: AutoParams.nullable(),
  unitedParams: z.array(UnitedParam).nullable(),
  searchPluseState: z.boolean(),
});

const PendingBid = z.object({ cpm: count, instrument: z.int(), subjectId: id.nullable() });

const Campaign = CampaignView.extend({
  advertId: id,
  type: z.literal([8, 9]),
  createTime: epochMs,
  budget: rubles,
  budgetSource: MoneySource,
  phrases: PhraseLists,
  startNotBefore: epochMs.nullable(),
  pendingAction: z.enum(["start", "pause", "stop"]).nullable(),
  pendingActionTimer: timerId,
  pendingBids: z.array(PendingBid),
  pendingBidTimer: timerId,
  published: CampaignView.nullable(),
  changedInWindow: epochMs,
  purgeAt: epochMs.nullable(),
});

const MediaItem = z.object({
  id,
  name: z.string(),
  status: z.int(),
  place: z.int(),
  budget: z.number(),
  dailyLimit: z.number(),
  categoryName: z.string(),
  cpm: z.number(),
  advertType: z.int(),
  createdAt: epochMs,
  updatedAt: epochMs,
  dateFrom: epochMs,
  dateTo: epochMs,
  nms: z.array(id),
  subjectId: z.int().min(0),
  subjectName: z.string(),
  /** State files written before issue 13 have no creative: they read as empty texts and no label. */
  creative: z
    .object({
      url: z.string(),
      bottomText1: z.string(),
      bottomText2: z.string(),
      message: z.string(),
      additionalSettings: z.int(),
      receiversCount: z.int().min(0),
      actionName: z.string(),
      showHours: z.array(z.object({ from: z.int().min(0).max(24), to: z.int().min(0).max(24) })),
      erid: z.string(),
    })
    .default(() => ({ url: "", bottomText1: "", bottomText2: "", message: "", additionalSettings: 0, receiversCount: 0, actionName: "", showHours: [], erid: "" })),
});

const MediaCell = z.object({ views: count, clicks: count, atbs: count, orders: count, expenses: z.number().min(0) });

/** Media traffic cells keyed "YYYY-MM-DD|itemId|appType" (1 site, 32 Android, 64 iOS). */
export const MEDIA_CELL_KEY = /^(\d{4}-\d{2}-\d{2})\|([1-9]\d*)\|(1|32|64)$/;

const MediaCampaign = z.object({
  advertId: id,
  name: z.string(),
  brand: z.string(),
  type: z.literal([1, 2]),
  status: z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]),
  createTime: epochMs,
  endTime: epochMs.nullable(),
  budget: z.number(),
  expenses: z.number(),
  from: epochMs,
  to: epochMs,
  updatedAt: epochMs,
  reason: z.string().nullable(),
  items: z.array(MediaItem),
  pauseDay: z.string(),
  pausesThatDay: count,
  launchTimer: timerId,
  operation: z.literal([1, 2]),
  trafficTimer: timerId,
  runningSince: epochMs.nullable(),
  dayTimer: timerId,
  seed: z.int().min(0).max(0xffffffff),
  traffic: z.record(z.string().regex(MEDIA_CELL_KEY), MediaCell),
});

const DayTraffic = z.object({
  day: moscowDay,
  nms: z.array(id),
  cells: z.array(z.number().min(0)),
  search: z.array(z.number().min(0)),
});

const KeywordRegime = z.object({ indexes: z.array(count), cumulative: z.array(z.number().min(0).max(1)) });

const CampaignTraffic = z.object({
  advertId: id,
  keywords: z.array(z.string()),
  clusters: z.array(z.string()),
  weights: z.array(z.number().min(0)),
  regimes: z.array(KeywordRegime),
  seed: z.int().min(0).max(0xffffffff),
  ctr: z.number().min(0).max(1),
  atbRate: z.number().min(0).max(1),
  orderRate: z.number().min(0).max(1),
  accruedTo: epochMs.nullable(),
  activeMs: count,
  unbilledKop: count,
  days: z.array(DayTraffic),
  pastWords: z.array(z.number().min(0)),
  updDay: z.union([moscowDay, z.literal("")]),
  updRows: z.object({ "0": z.int().min(-1), "1": z.int().min(-1), "3": z.int().min(-1) }),
});

const Traffic = z.object({
  campaigns: z.array(CampaignTraffic),
  active: z.array(id),
  timer: timerId,
  timerAt: epochMs.nullable(),
});

/** The Wildberries part of a tenant snapshot; `null` is a tenant that never used Wildberries. */
export const WildberriesSnapshot = z
  .object({
    money: Money,
    payments: z.array(Payment),
    upd: z.array(UpdRow),
    catalogue: Catalogue,
    campaigns: z.array(Campaign),
    media: z.array(MediaCampaign),
    traffic: Traffic,
    nextAdvertId: id,
    nextPaymentId: id,
    nextUpdNum: count,
    nextMediaItemId: id,
  })
  .meta({ id: "WbSnapshot" });
export type WildberriesSnapshot = z.infer<typeof WildberriesSnapshot>;
