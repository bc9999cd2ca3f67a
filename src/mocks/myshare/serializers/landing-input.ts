import { MS_DEVICES } from "../../../contracts/myshare/enums.js";
import { MS_LANDING_LEGACY_NAMES as LEGACY } from "../../../contracts/myshare/landing.js";
import type { LandingFields } from "../../../state/myshare/model.js";
import type { Tenant } from "../../../state/kernel/tenant.js";
import { charField, choiceField, urlField } from "../drf/fields.js";
import { Form, type ValidationErrors } from "../drf/form.js";
import { catalogRef } from "./offer-input.js";

export type LandingInput = { ok: true; fields: Partial<LandingFields> } | { ok: false; errors: ValidationErrors };

/** The landing serializer: url and catalog_id required on POST and PUT; `image` is an alias of image_url. */
export function readLanding(tenant: Tenant, body: Readonly<Record<string, unknown>>, partial: boolean): LandingInput {
  const form = new Form(body, partial);
  const fields: Partial<LandingFields> = {
    url: form.value("url", urlField(), { required: true }),
    catalogId: form.value("catalog_id", catalogRef(tenant), { required: true }),
    adaptability: form.value("adaptability", choiceField(MS_DEVICES)),
    title: form.value("title", charField({ maxLength: 255, allowBlank: true })),
  };
  const image = form.read("image_url", urlField(), { nullable: true, aliases: LEGACY.image_url });
  if (image !== undefined) fields.imageUrl = image;
  return form.ok ? { ok: true, fields } : { ok: false, errors: form.errors };
}

export const LANDING_DEFAULTS = { adaptability: "All", title: "", imageUrl: null } as const;
