import { z } from "zod";
import { success } from "./envelope.js";

export const CategoriesRequest = z.object({}).meta({ id: "YmCategoriesRequest" });

export const Category = z
  .object({ categoryId: z.number().int().positive(), name: z.string() })
  .meta({ id: "YmCategory" });

export const CategoriesResponse = success(z.object({ categories: z.array(Category) })).meta({
  id: "YmCategoriesResponse",
});
