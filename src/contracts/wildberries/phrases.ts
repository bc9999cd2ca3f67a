import { z } from "zod";

/** `?id=` of the Auction phrase methods. */
export const WbPhraseIdQuery = z.object({ id: z.number().int().positive().meta({ description: "Auction (type 9) campaign ID" }) });

/** GET /adv/v1/search/set-plus `?id=&fixed=`. */
export const WbSetPlusQuery = z.object({
  id: z.number().int().positive().meta({ description: "Auction (type 9) campaign ID" }),
  fixed: z.enum(["true", "false"]).meta({ description: "New state of the fixed phrases: true active, false inactive" }),
});

const phrases = (max: number, what: string) =>
  z.array(z.string()).meta({ description: `${what} (max ${max}; exact duplicates are kept once); an empty array clears the list` });

/** POST /adv/v1/search/set-plus. */
export const WbSetPlusRequest = z
  .object({ pluse: phrases(100, "Fixed phrases; an empty array also switches fixed phrases off") })
  .meta({ id: "WbSetPlusRequest" });

/** The fixed phrases now set. */
export const WbSetPlusResponse = z.array(z.string()).meta({ id: "WbSetPlusResponse", description: "The campaign's fixed phrases after the call" });

/** POST /adv/v1/search/set-phrase: minus-phrases of phrase match. */
export const WbSetPhraseRequest = z.object({ phrase: phrases(1000, "Minus-phrases of phrase match") }).meta({ id: "WbSetPhraseRequest" });

/** POST /adv/v1/search/set-strong: minus-phrases of exact match. */
export const WbSetStrongRequest = z.object({ strong: phrases(1000, "Minus-phrases of exact match") }).meta({ id: "WbSetStrongRequest" });

/** POST /adv/v1/search/set-excluded: minus-phrases in search. */
export const WbSetExcludedRequest = z.object({ excluded: phrases(1000, "Minus-phrases in search") }).meta({ id: "WbSetExcludedRequest" });
