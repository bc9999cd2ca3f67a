/**
 * The Wildberries seller one tenant plays. Plain JSON-shaped data (records keyed by id, arrays,
 * numbers, strings, booleans, null) so that a snapshot is the state itself. Amounts are whole rubles,
 * instants are epoch milliseconds of the tenant's virtual clock.
 *
 * Sections: seller (money, catalogue), promotion campaigns (types 8 and 9), phrase settings, traffic
 * simulation, media campaigns.
 */

/** Where a deposit (or save-ad `sum`) is taken from: 0 account (`balance`), 1 `net`, 3 `bonus`. */
export type MoneySource = 0 | 1 | 3;

export interface Money {
  /** Account (счёт): topped up by the seller (the control plane here). */
  balance: number;
  /** Balance (баланс): the mutual-settlement limit from future sales. */
  net: number;
  bonus: number;
}

/** One account top-up as GET /adv/v1/payments lists it. */
export interface Payment {
  id: number;
  at: number;
  sum: number;
  /** 0 account, 1 balance, 3 card. */
  type: 0 | 1 | 3;
  statusId: 0 | 1;
  cardStatus: string;
}

/** One expense row as GET /adv/v1/upd lists it (one per campaign, Moscow day and money source). */
export interface UpdRow {
  updNum: number;
  /** Instant of the expense; null while the closing document is not issued. */
  updTime: number | null;
  updSum: number;
  advertId: number;
  campName: string;
  advertType: number;
  /** "Баланс" | "Бонусы" | "Счет" */
  paymentType: string;
  advertStatus: number;
  /** The Moscow day ("YYYY-MM-DD") whose spend the row charges (what from/to filter on). */
  day: string;
}

export interface Subject {
  id: number;
  name: string;
}

export interface CatalogueNm {
  nm: number;
  title: string;
  subjectId: number;
}

export interface Catalogue {
  subjects: Subject[];
  nms: CatalogueNm[];
}

/** Promotion campaign statuses (research §7.1). */
export type CampaignStatus = -1 | 4 | 7 | 8 | 9 | 11;
export type CampaignType = 8 | 9;

/** A status action queued for the next minute boundary (realistic consistency). */
export type StatusAction = "start" | "pause" | "stop";

export interface AutoParams {
  subjectId: number;
  nms: number[];
  /** Per-nm bids; each equals `cpm` unless changed. */
  nmCpm: { nm: number; cpm: number }[];
  cpm: number;
  active: { carousel: boolean; recom: boolean; booster: boolean };
}

export interface UnitedParam {
  subjectId: number;
  nms: number[];
  searchCPM: number;
  catalogCPM: number;
}

/** Phrase lists (Auction: plus/phrase/strong/excluded and the `fixed` toggle; automatic: excluded). */
export interface PhraseLists {
  pluse: string[];
  phrase: string[];
  strong: string[];
  excluded: string[];
  fixed: boolean;
}

/** What a campaign looks like to readers: the fields /adv/v1/promotion/adverts and /count show. */
export interface CampaignView {
  name: string;
  status: CampaignStatus;
  changeTime: number;
  startTime: number | null;
  endTime: number | null;
  autoParams: AutoParams | null;
  unitedParams: UnitedParam[] | null;
  searchPluseState: boolean;
}

export interface Campaign extends CampaignView {
  advertId: number;
  type: CampaignType;
  createTime: number;
  /** Campaign budget (rubles). */
  budget: number;
  /** The source the last top-up came from; spend is booked against it in upd. */
  budgetSource: MoneySource;
  phrases: PhraseLists;
  /** save-ad with on_pause: no start before this instant. */
  startNotBefore: number | null;
  /** Realistic consistency: the last status action in the current minute, applied at the boundary. */
  pendingAction: StatusAction | null;
  pendingActionTimer: number | null;
  /** Realistic consistency: bids applied at the next 30 s boundary. */
  pendingBids: PendingBid[];
  pendingBidTimer: number | null;
  /** Realistic consistency: what readers see until the next 3-minute sync, or null when current. */
  published: CampaignView | null;
  /** Start of the 3-minute sync window of the last change. */
  changedInWindow: number;
  /** -1: when the campaign disappears. */
  purgeAt: number | null;
}

export interface PendingBid {
  cpm: number;
  /** Type 9: 6 search (searchCPM), 4 catalog (catalogCPM). Type 8: ignored. */
  instrument: number;
  /** Type 9: the subject whose bid changes. */
  subjectId: number | null;
}

/**
 * Traffic summed over some cells of the simulation (one nm, an app, a day, a keyword, a campaign):
 * counts are integers, spend is whole kopecks so that sums are exact (traffic-model.ts holds the cells).
 */
export interface TrafficCell {
  views: number;
  clicks: number;
  atbs: number;
  orders: number;
  shks: number;
  /** Spend in kopecks (integer); the wire shows rubles with 2 decimals. */
  spendKop: number;
  /** Orders amount, whole rubles. */
  sumPrice: number;
}

/** Media (WB Media banner) campaign statuses 1-11 (research §7.2). */
export type MediaStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

export interface MediaItem {
  id: number;
  name: string;
  status: number;
  place: number;
  budget: number;
  dailyLimit: number;
  categoryName: string;
  cpm: number;
  advertType: number;
  createdAt: number;
  updatedAt: number;
  dateFrom: number;
  dateTo: number;
  nms: number[];
  subjectId: number;
  subjectName: string;
  /** What the banner shows and where it leads (research §5.18), as GET /adv/v1/advert sends it. */
  creative: MediaCreative;
}

/** A banner's creative fields (research §5.18): set when the campaign is created, shown as set. */
export interface MediaCreative {
  /** The page a click leads to. */
  url: string;
  /** The text lines under the banner. */
  bottomText1: string;
  bottomText2: string;
  /** The text of a push notification or mailing. */
  message: string;
  /** Mailing format (1 common, 2 partial, 3 unique) or social network (1 VKontakte, 2 OK); 0 none. */
  additionalSettings: number;
  /** Recipients of a push notification; 0 none. */
  receiversCount: number;
  /** The promotion (sale) the banner belongs to; "" none. */
  actionName: string;
  /** Hours of the day the banner is shown ([] every hour). */
  showHours: { from: number; to: number }[];
  /** The advertising label id for the ad registry (ОРД). */
  erid: string;
}

export interface MediaCampaign {
  advertId: number;
  name: string;
  brand: string;
  /** 1 by days, 2 by views. */
  type: 1 | 2;
  status: MediaStatus;
  createTime: number;
  endTime: number | null;
  budget: number;
  expenses: number;
  from: number;
  to: number;
  updatedAt: number;
  reason: string | null;
  items: MediaItem[];
  /** Pauses by Moscow day ("YYYY-MM-DD" of the last pause and how many that day). */
  pauseDay: string;
  pausesThatDay: number;
  /** Launch holds status 4 until this instant, then the status of the current configuration. */
  launchTimer: number | null;
  /** Write-off source shown as extended.operation: 1 balance, 2 account. */
  operation: 1 | 2;
  /** Status 6: the next hourly traffic tick; the simulation has accounted everything before `runningSince`. */
  trafficTimer: number | null;
  runningSince: number | null;
  /** Status 5: go-live at `from`; status 10: resume at the next Moscow midnight. */
  dayTimer: number | null;
  /** Seeds the simulation's daily draws (traffic-clock.ts daySeed): drawn once, at creation. */
  seed: number;
  /** Simulated traffic keyed "YYYY-MM-DD|itemId|appType" (Moscow day, banner, 1 site / 32 Android / 64 iOS). */
  traffic: Record<string, MediaCell>;
}

/** Media traffic of one banner, one Moscow day, one app type. */
export interface MediaCell {
  views: number;
  clicks: number;
  atbs: number;
  orders: number;
  /** Rubles, unrounded (answers round to kopecks). */
  expenses: number;
}
