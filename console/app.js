// The console's entry: the token (kept in localStorage), the panels, and when they refresh.
import { createApi } from "./api.js";
import { createClockPanel } from "./clock.js";
import { button, fill, h } from "./dom.js";
import { createFaultsPanel } from "./faults.js";
import { createJournalPanel } from "./journal.js";
import { createMysharePanel } from "./myshare.js";
import { createTenantsPanel, isAdmin } from "./tenants.js";
import { createTimelinePanel } from "./timeline.js";
import { createWildberriesPanel } from "./wildberries.js";
import { createYooMoneyPanel } from "./yoomoney.js";

/** @typedef {import("./types.js").Panel} Panel */
/** @typedef {import("./types.js").PanelContext} PanelContext */
/** @typedef {import("./types.js").Health} Health */

const TOKEN_KEY = "promo-sandbox-console.token";
const ADMIN_KEY = "promo-sandbox-console.admin";
/** Panels read their data again this often (ms), besides after each action and on new events. */
const REFRESH_MS = 3000;

/**
 * @param {string} id
 * @returns {HTMLElement}
 */
function byId(id) {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the console page has no element #${id}`);
  return el;
}

const notice = byId("notice");
/** @type {ReturnType<typeof setTimeout> | undefined} */
let noticeTimer;

/**
 * @param {string} message
 * @param {"ok" | "error"} [kind]
 */
function notify(message, kind = "ok") {
  fill(notice, h("div", { class: `notice ${kind}`, role: kind === "error" ? "alert" : "status" }, message));
  clearTimeout(noticeTimer);
  noticeTimer = setTimeout(() => fill(notice), kind === "error" ? 12_000 : 4000);
}

/** @type {Panel[]} */
let panels = [];
/** Counts starts: a start overtaken by a later one (the token changed meanwhile) gives up. */
let generation = 0;
/** @type {ReturnType<typeof setInterval> | undefined} */
let ticker;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let soon;
let refreshing = false;
let again = false;

async function refreshAll() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const results = await Promise.allSettled(panels.map((panel) => panel.refresh()));
    const failed = results.find((result) => result.status === "rejected");
    if (failed !== undefined && failed.status === "rejected") notify(String(failed.reason?.message ?? failed.reason), "error");
  } finally {
    refreshing = false;
    if (again) {
      again = false;
      changed();
    }
  }
}

/** Every panel reads again, once, shortly (several changes in a row make one refresh). */
function changed() {
  clearTimeout(soon);
  soon = setTimeout(() => void refreshAll(), 50);
}

function stopPanels() {
  clearInterval(ticker);
  for (const panel of panels) panel.stop?.();
  panels = [];
}

/** @returns {Promise<string[]>} */
async function providers() {
  const response = await fetch("/__sandbox/health");
  /** @type {Health} */
  const health = await response.json();
  return health.providers;
}

/**
 * Shows the console for `token`: the tenant's panels, or (the admin token) the list of tenants.
 * @param {string} token
 */
async function start(token) {
  const mine = ++generation;
  stopPanels();
  const api = createApi(token);
  const main = byId("panels");
  const who = byId("who");
  fill(main);
  if (token === "") {
    fill(who, "no tenant");
    fill(main, h("p", { class: "empty intro" }, "Paste a token above: in open mode any token names a tenant (its own clock, campaigns and journal). ", button("New tenant", newTenant)));
    return;
  }
  /** @type {PanelContext} */
  const ctx = { api, changed, notify, restart: () => void start(token), providers: await providers() };
  const admin = await isAdmin(api);
  if (mine !== generation) return;
  if (admin) {
    localStorage.setItem(ADMIN_KEY, token);
    fill(who, h("strong", {}, "admin"), " — pick a tenant to open");
    const section = h("section", { id: "tenants", class: "panel wide" });
    main.append(section);
    panels = [createTenantsPanel(section, ctx, (tenantToken) => void use(tenantToken))];
  } else {
    const adminToken = localStorage.getItem(ADMIN_KEY);
    fill(
      who,
      "tenant token ",
      h("code", {}, token.length > 24 ? `${token.slice(0, 10)}…${token.slice(-6)}` : token),
      adminToken !== null && adminToken !== token ? button("back to admin", async () => use(adminToken), { class: "link" }) : null,
    );
    /** @param {string} id @param {string} [extra] */
    const section = (id, extra = "") => {
      const el = h("section", { id, class: `panel ${extra}` });
      main.append(el);
      return el;
    };
    panels = [
      createClockPanel(section("clock"), ctx),
      createFaultsPanel(section("faults"), ctx),
      createTimelinePanel(section("timeline", "wide"), ctx),
      createYooMoneyPanel(section("yoomoney", "wide"), ctx),
      createWildberriesPanel(section("wildberries", "wide"), ctx),
      createMysharePanel(section("myshare", "wide"), ctx),
      createJournalPanel(section("journal", "wide"), ctx),
    ];
  }
  await refreshAll();
  ticker = setInterval(() => void refreshAll(), REFRESH_MS);
}

/**
 * Remembers `token` and shows its console.
 * @param {string} token
 */
async function use(token) {
  const trimmed = token.trim().replace(/^Bearer:?\s+/i, "");
  if (trimmed === "") localStorage.removeItem(TOKEN_KEY);
  else localStorage.setItem(TOKEN_KEY, trimmed);
  tokenInput.value = trimmed;
  // A ?token= link is used once: from then on the remembered token is the one in the field.
  if (new URLSearchParams(location.search).has("token")) history.replaceState(null, "", location.pathname);
  await start(trimmed);
}

/** A new tenant with a random name (POST /__sandbox/tokens without a token). */
async function newTenant() {
  try {
    /** @type {import("./types.js").Token} */
    const issued = await createApi("").post("/tokens", {});
    await use(issued.token);
    notify(`new tenant ${issued.tenant}`);
  } catch (error) {
    notify(String(error instanceof Error ? error.message : error), "error");
  }
}

/** @type {HTMLInputElement} */
const tokenInput = h("input", { id: "token", name: "token", placeholder: "a token, e.g. my-laptop", autocomplete: "off", spellcheck: "false" });
const tokenForm = byId("token-form");
tokenForm.append(h("label", { for: "token" }, "Token"), tokenInput, h("button", { type: "submit" }, "Use"));
tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  void use(tokenInput.value);
});

const initial = new URLSearchParams(location.search).get("token") ?? localStorage.getItem(TOKEN_KEY) ?? "";
void use(initial);
