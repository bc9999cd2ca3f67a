// Small DOM helpers: elements from a tag, attributes and children; dates and numbers as the console shows them.

/** @typedef {Node | string | number | null | undefined | false} Child */

/**
 * An element. Attributes whose value is a function and whose name starts with "on" are listeners
 * ({onclick: f}); false, null and undefined attributes and children are left out.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), (event) => value(event));
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {readonly Child[]} children
 */
function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "object" ? child : String(child));
  }
}

/**
 * Replaces an element's children.
 * @param {Element} el
 * @param {...Child} children
 */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * A table: its head and one row per item.
 * @template T
 * @param {readonly string[]} head
 * @param {readonly T[]} items
 * @param {(item: T) => HTMLTableRowElement} row
 * @param {string} empty What an empty table says.
 * @param {Record<string, unknown>} [attrs]
 */
export function table(head, items, row, empty, attrs = {}) {
  if (items.length === 0) return h("p", { class: "empty" }, empty);
  return h("table", attrs, h("thead", {}, h("tr", {}, ...head.map((title) => h("th", {}, title)))), h("tbody", {}, ...items.map(row)));
}

/**
 * An ISO instant as "2026-01-15 09:00:00" (UTC), or "—".
 * @param {string | null | undefined} instant
 */
export function when(instant) {
  if (instant === null || instant === undefined) return "—";
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? instant : new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A number with thin group separators (1 234 567.89).
 * @param {number} value
 * @param {number} [digits]
 */
export function num(value, digits = 0) {
  return value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/,/g, "\u2009");
}

/**
 * A button that runs `action`; disabled while it runs.
 * @param {string} label
 * @param {() => Promise<unknown>} action
 * @param {Record<string, unknown>} [attrs]
 */
export function button(label, action, attrs = {}) {
  /** @type {HTMLButtonElement} */
  const el = h("button", { type: "button", ...attrs }, label);
  el.addEventListener("click", async () => {
    el.disabled = true;
    try {
      await action();
    } finally {
      el.disabled = false;
    }
  });
  return el;
}

/**
 * A labelled form field.
 * @param {string} label
 * @param {HTMLElement} input
 */
export function field(label, input) {
  return h("label", { class: "field" }, h("span", {}, label), input);
}

/**
 * JSON shown as indented text.
 * @param {unknown} value
 */
export function pretty(value) {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 2);
}

/**
 * Runs `render` only when `data` differs from what it rendered last, so a refresh every few seconds does
 * not rebuild what the user is looking at.
 * @template T
 * @param {(data: T) => void} render
 * @returns {(data: T) => void}
 */
export function onChange(render) {
  let last = "";
  return (data) => {
    const text = JSON.stringify(data);
    if (text === last) return;
    last = text;
    render(data);
  };
}
