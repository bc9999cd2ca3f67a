import { scryptSync, timingSafeEqual } from "node:crypto";

/** One login name's password as the sandbox keeps it: a salted scrypt hash, never the password itself. */
export interface StoredPassword {
  login: string;
  /** Random text (base64url), one per login name. */
  salt: string;
  /** scrypt(password, salt) with PASSWORD_HASH, base64url. */
  hash: string;
}

/**
 * scrypt's cost: N = 4096, r = 8 (4 MiB, about 10 ms a hash on one core), so a strict-mode login does
 * not stall other tenants while a leaked state file still costs an attacker real work per guess.
 */
export const PASSWORD_HASH = { N: 4096, r: 8, p: 1, keyLength: 32 } as const;

/** What checking a password did: set it (the name's first login), or found it matching or not. */
export type PasswordCheck = "set" | "matched" | "mismatched";

function hashOf(password: string, salt: string): Buffer {
  const { N, r, p, keyLength } = PASSWORD_HASH;
  return scryptSync(password, salt, keyLength, { N, r, p });
}

/** The passwords of login names (YooMoney users/login in strict mode): the first login of a name sets it. */
export class Credentials {
  private byLogin = new Map<string, StoredPassword>();
  /** Told of every password set (the durable store records it). */
  onSet: ((entry: StoredPassword) => void) | undefined = undefined;

  /**
   * Checks `password` for `login`. A name seen for the first time takes this password, hashed with a
   * salt from `freshSalt` (random text the adapter draws; the domain has no randomness of its own).
   */
  check(login: string, password: string, freshSalt: () => string): PasswordCheck {
    const stored = this.byLogin.get(login);
    if (stored === undefined) {
      const salt = freshSalt();
      const entry = { login, salt, hash: hashOf(password, salt).toString("base64url") };
      this.byLogin.set(login, entry);
      this.onSet?.({ ...entry });
      return "set";
    }
    const expected = Buffer.from(stored.hash, "base64url");
    const actual = hashOf(password, stored.salt);
    return expected.length === actual.length && timingSafeEqual(expected, actual) ? "matched" : "mismatched";
  }

  /**
   * Takes back a password set by `entry` (its record could not be made durable), unless another replaced it:
   * the login's next attempt sets a password again.
   */
  withdraw(entry: StoredPassword): void {
    if (this.byLogin.get(entry.login)?.salt === entry.salt) this.byLogin.delete(entry.login);
  }

  /** How many login names have a password. */
  get size(): number {
    return this.byLogin.size;
  }

  /** Every stored password, for the state file. */
  all(): StoredPassword[] {
    return [...this.byLogin.values()].map((entry) => ({ ...entry }));
  }

  /** Takes back passwords saved in a state file. */
  restore(passwords: readonly StoredPassword[]): void {
    for (const entry of passwords) this.byLogin.set(entry.login, { ...entry });
  }
}
