import { chromium, type Browser } from "playwright-core";
import { systemComponent } from "./system-component.js";

/** Debian's Chromium (the package `chromium`), or undefined: the browser tests then skip with one line naming it. */
export const CHROMIUM = systemComponent("chromium", "chromium");

/**
 * Starts Debian's Chromium headless through playwright-core (whose own browser download cannot reach its
 * host from these machines). Playwright gives each launch a fresh, empty profile. Without the background
 * networking flags Chromium keeps trying to reach Google's hosts, which this closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  const executablePath = CHROMIUM.path;
  if (executablePath === undefined) throw new Error("Chromium is not installed: apt-get install -y chromium");
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
