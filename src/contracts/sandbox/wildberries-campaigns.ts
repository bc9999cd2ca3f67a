import { z } from "zod";

/** `POST /__sandbox/wildberries/campaigns/{advertId}/moderation`: the moderator declines a promotion campaign. */
export const WbModerationRequest = z
  .object({
    decision: z.literal("decline").meta({ description: "Only decline exists: Wildberries has no approval step the seller waits for" }),
  })
  .meta({ id: "SandboxWbModerationRequest" });

export const WbModerationResponse = z
  .object({
    advertId: z.number().int(),
    status: z.literal(8).meta({ description: "8: declined" }),
  })
  .meta({ id: "SandboxWbModerationResponse" });

/** `{advertId}` of the control-plane campaign routes. */
export const WbAdvertIdPath = z.object({
  advertId: z.int().positive().meta({ description: "The campaign id save-ad or seacat/save-ad returned" }),
});
