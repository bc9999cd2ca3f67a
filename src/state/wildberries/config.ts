/**
 * GET /adv/v0/config: the values that drive validation (research §5.1, the December 2024 sample).
 * Served as strings, used as numbers.
 */
export const WB_CONFIG = {
  budgetMin: 1000,
  fullstatDayDepth: 31,
  cpmMinBooster: 100,
  cpmMinSearchCatalog: 150,
  maxNmCount: 50,
  maxAutoNms: 100,
} as const;

export interface ConfigEntry {
  name: string;
  value: string;
  description: string;
}

export const WB_CONFIG_ENTRIES: readonly ConfigEntry[] = [
  { name: "budget_min", value: String(WB_CONFIG.budgetMin), description: "Минимальный бюджет кампании" },
  { name: "api_fullstat_day_depth", value: String(WB_CONFIG.fullstatDayDepth), description: "Макс. период в днях для статистики" },
  { name: "cpm_min_booster", value: String(WB_CONFIG.cpmMinBooster), description: "Мин. ставка CPM для автоматической кампании" },
  { name: "cpm_min_search_catalog", value: String(WB_CONFIG.cpmMinSearchCatalog), description: "Мин. ставка CPM для аукциона" },
  { name: "max_nm_count", value: String(WB_CONFIG.maxNmCount), description: "Макс. товаров для аукциона" },
  { name: "max_auto_nms", value: String(WB_CONFIG.maxAutoNms), description: "Макс. товаров для автоматической кампании" },
];
