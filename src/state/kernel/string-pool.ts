/**
 * Shares equal strings between the tenants of one registry. The request journal keeps, per tenant, the
 * same texts over and over (a method's path, `{}`, the categories list every partner reads first, a
 * rate-limit bucket name); kept once here, a tenant holds a reference instead of its own copy. The pool is
 * bounded: at most `maxEntries` texts of at most `maxLength` characters (longer ones are rarely shared and
 * are kept as they are), emptied when full, so it never holds more than about maxEntries × maxLength.
 */
export class StringPool {
  private texts = new Map<string, string>();

  constructor(
    private readonly maxEntries = 1024,
    private readonly maxLength = 2048,
  ) {}

  /** The pooled string equal to `text` (text itself the first time it is seen). */
  intern(text: string): string {
    if (text.length > this.maxLength) return text;
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    if (this.texts.size >= this.maxEntries) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}
