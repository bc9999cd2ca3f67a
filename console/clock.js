// The tenant's virtual clock: now (ticking while it runs), advance, freeze and resume; and reset.
import { button, field, fill, h, when } from "./dom.js";

/** @typedef {import("./types.js").Clock} Clock */

/** The advance buttons: label and ISO-8601 duration. */
const STEPS = [
  ["+1 h", "PT1H"],
  ["+1 d", "P1D"],
  ["+7 d", "P7D"],
];

/**
 * @param {HTMLElement} root
 * @param {import("./types.js").PanelContext} ctx
 * @returns {import("./types.js").Panel}
 */
export function createClockPanel(root, ctx) {
  const { api } = ctx;
  /** @type {{ clock: Clock, at: number } | undefined} */
  let last;
  const now = h("output", { class: "now", "data-testid": "clock-now" }, "—");
  const state = h("span", { class: "badge", "data-testid": "clock-state" }, "");
  /** @type {HTMLInputElement} */
  const custom = h("input", { name: "duration", value: "PT30M", size: 10, "aria-label": "ISO-8601 duration" });
  const toggle = h("span", {});
  const confirmRow = h("div", { class: "confirm" });

  const show = () => {
    if (last === undefined) return;
    const ms = Date.parse(last.clock.now) + (last.clock.frozen ? 0 : Date.now() - last.at);
    now.value = when(new Date(ms).toISOString());
    now.dataset["instant"] = new Date(ms).toISOString();
  };
  const tick = setInterval(show, 1000);

  /** @param {string | number} by */
  const advance = async (by) => {
    try {
      /** @type {{ now: string, firedTotal: number }} */
      const moved = await api.post("/clock/advance", { by });
      ctx.notify(`clock at ${when(moved.now)}; ${moved.firedTotal} timer${moved.firedTotal === 1 ? "" : "s"} fired`);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };
  /** @param {string} path */
  const clockCall = async (path) => {
    try {
      await api.post(path);
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    ctx.changed();
  };
  const reset = async () => {
    try {
      await api.post("/reset");
      ctx.notify("the tenant was reset: empty state, a fresh clock and settings");
    } catch (error) {
      ctx.notify(String(error instanceof Error ? error.message : error), "error");
    }
    fill(confirmRow);
    ctx.restart();
  };
  const askReset = async () => {
    fill(
      confirmRow,
      h("span", {}, "Wipe this tenant's state, clock, settings, journal and faults?"),
      button("Yes, reset", reset, { class: "danger", "data-testid": "reset-confirm" }),
      button("Cancel", async () => fill(confirmRow)),
    );
  };

  root.append(
    h("h2", {}, "Clock"),
    h("div", { class: "clock" }, now, state),
    h("div", { class: "row" }, ...STEPS.map(([label = "", by = ""]) => button(label, () => advance(by), { "data-advance": by })), toggle),
    h(
      "form",
      {
        class: "row",
        onsubmit: (/** @type {SubmitEvent} */ event) => {
          event.preventDefault();
          void advance(custom.value.trim());
        },
      },
      field("Advance by", custom),
      h("button", { type: "submit" }, "Advance"),
    ),
    h("div", { class: "row" }, button("Reset tenant…", askReset, { class: "danger" })),
    confirmRow,
  );

  return {
    async refresh() {
      /** @type {Clock} */
      const clock = await api.get("/clock");
      last = { clock, at: Date.now() };
      show();
      state.textContent = clock.frozen ? "frozen" : "running";
      state.className = `badge ${clock.frozen ? "frozen" : "running"}`;
      if (toggle.dataset["frozen"] !== String(clock.frozen)) {
        toggle.dataset["frozen"] = String(clock.frozen);
        fill(toggle, clock.frozen ? button("Resume", () => clockCall("/clock/resume")) : button("Freeze", () => clockCall("/clock/freeze")));
      }
    },
    stop() {
      clearInterval(tick);
    },
  };
}
