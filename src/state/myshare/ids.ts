import type { Tenant } from "../kernel/tenant.js";

const HEX = "0123456789abcdef";
const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A UUID4 from the tenant's generator. */
export function uuid4(tenant: Tenant): string {
  let hex = "";
  for (let i = 0; i < 32; i++) hex += HEX[tenant.rng.int(0, 15)];
  const variant = HEX[8 + tenant.rng.int(0, 3)] ?? "8";
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `length` upper-case letters and digits, unused according to `taken`. */
export function freshCode(tenant: Tenant, length: number, taken: (code: string) => boolean): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < length; i++) code += CODE_ALPHABET[tenant.rng.int(0, CODE_ALPHABET.length - 1)];
    if (!taken(code)) return code;
  }
}

/** A UUID4 unused according to `taken`. */
export function freshUuid(tenant: Tenant, taken: (id: string) => boolean): string {
  for (;;) {
    const id = uuid4(tenant);
    if (!taken(id)) return id;
  }
}
