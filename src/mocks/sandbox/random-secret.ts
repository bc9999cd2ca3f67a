import { randomBytes } from "node:crypto";

/** Bits of randomness in every name or secret the sandbox makes up: new tenant names, token nonces, salts. */
export const SECRET_BITS = 128;

/** Fresh random text from node:crypto (SECRET_BITS bits, base64url: 22 characters). */
export function randomSecret(): string {
  return randomBytes(SECRET_BITS / 8).toString("base64url");
}
