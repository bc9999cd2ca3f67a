import { MSG, type Field, type FieldErrors } from "./fields.js";

export type ValidationErrors = Record<string, FieldErrors>;

export interface ReadOptions {
  /** Required on create and PUT; a PATCH (partial) never requires. */
  required?: boolean;
  nullable?: boolean;
  /** Legacy names accepted when the field itself is not sent. */
  aliases?: readonly string[];
}

/**
 * One DRF serializer run over a JSON object: every field is read, and every failing field adds its
 * messages, so one 400 lists all of them (as DRF does). Only own keys are read; unknown keys are ignored.
 */
export class Form {
  readonly errors: ValidationErrors = {};

  constructor(
    readonly body: Readonly<Record<string, unknown>>,
    readonly partial: boolean,
  ) {}

  /** The key the value was sent under (the field or one of its aliases), if any. */
  keyOf(name: string, aliases: readonly string[] = []): string | undefined {
    return [name, ...aliases].find((key) => Object.hasOwn(this.body, key));
  }

  has(name: string, aliases: readonly string[] = []): boolean {
    return this.keyOf(name, aliases) !== undefined;
  }

  /** The parsed value; undefined when absent or invalid (then the error is recorded), null when null is allowed. */
  read<T>(name: string, field: Field<T>, options: ReadOptions = {}): T | null | undefined {
    const key = this.keyOf(name, options.aliases);
    if (key === undefined) {
      if (options.required === true && !this.partial) this.fail(name, [MSG.required]);
      return undefined;
    }
    const raw = this.body[key];
    if (raw === null) {
      if (options.nullable === true) return null;
      this.fail(key, [MSG.null]);
      return undefined;
    }
    const parsed = field(raw);
    if (parsed.ok) return parsed.value;
    this.fail(key, parsed.error);
    return undefined;
  }

  /** Like read, for fields that are never null. */
  value<T>(name: string, field: Field<T>, options: Omit<ReadOptions, "nullable"> = {}): T | undefined {
    const value = this.read(name, field, { ...options, nullable: false });
    return value === null ? undefined : value;
  }

  fail(key: string, error: FieldErrors): void {
    const existing = this.errors[key];
    if (Array.isArray(existing) && Array.isArray(error) && existing.every((e) => typeof e === "string")) {
      const strings = error.flatMap((e) => (typeof e === "string" ? [e] : []));
      this.errors[key] = [...existing.flatMap((e) => (typeof e === "string" ? [e] : [])), ...strings];
      return;
    }
    this.errors[key] = error;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }
}

/** A parsed request body as DRF's serializer sees it: an object, or the top-level error. */
export type BodyObject = { ok: true; body: Readonly<Record<string, unknown>> } | { ok: false; errors: ValidationErrors };

export function asObject(data: unknown): BodyObject {
  if (data === null) return { ok: false, errors: { non_field_errors: ["No data provided"] } };
  if (typeof data !== "object" || Array.isArray(data)) return { ok: false, errors: { non_field_errors: [MSG.notADict(data)] } };
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== "__proto__") body[key] = value;
  }
  return { ok: true, body };
}
