import { z } from "zod";

/** GET /ping: `{"TS":"2024-08-16T11:19:05+03:00","Status":"OK"}`. */
export const WbPing = z.object({ TS: z.string(), Status: z.literal("OK") }).meta({ id: "WbPing" });
