import type { MediaCreative } from "./model.js";

/** Base58 (no 0, O, I, l): the alphabet of the sandbox's advertising label ids. */
const LABEL_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const LABEL_LENGTH = 11;

/** FNV-1a over `text`, 32 bits: a stable number from a string, with no draw from the tenant's generator. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The banner's label id when none is sent: base58 text derived from the campaign and banner ids, so it is
 * the same for the same banner and draws nothing (adding it changed no other random value).
 */
export function defaultErid(advertId: number, itemId: number): string {
  let out = "";
  let seed = fnv1a(`${advertId}:${itemId}`);
  for (let i = 0; i < LABEL_LENGTH; i++) {
    seed = fnv1a(`${seed}:${i}`);
    out += LABEL_ALPHABET[seed % LABEL_ALPHABET.length] ?? "1";
  }
  return out;
}

/** Where a banner's click leads when no url is sent: the product page of its first nm, else the home page. */
export function defaultUrl(nms: readonly number[]): string {
  const first = nms[0];
  return first === undefined ? "https://www.wildberries.ru/" : `https://www.wildberries.ru/catalog/${first}/detail.aspx`;
}

/** The creative fields a caller sent (any may be missing). */
export type MediaCreativeInput = { readonly [K in keyof MediaCreative]?: MediaCreative[K] | undefined };

/** A banner's creative: what was sent, the rest by default (empty texts, no extra settings, every hour). */
export function mediaCreative(sent: MediaCreativeInput, banner: { advertId: number; itemId: number; nms: readonly number[] }): MediaCreative {
  return {
    url: sent.url ?? defaultUrl(banner.nms),
    bottomText1: sent.bottomText1 ?? "",
    bottomText2: sent.bottomText2 ?? "",
    message: sent.message ?? "",
    additionalSettings: sent.additionalSettings ?? 0,
    receiversCount: sent.receiversCount ?? 0,
    actionName: sent.actionName ?? "",
    showHours: (sent.showHours ?? []).map((h) => ({ from: h.from, to: h.to })),
    erid: sent.erid ?? defaultErid(banner.advertId, banner.itemId),
  };
}
