/**
 * JSON text with pieces JSON.stringify cannot write: nesting deeper than the stack allows, number
 * literals such as -0, 1e400 or 2^53+1 kept as written, `__proto__` members, bytes that are not UTF-8.
 * A piece is put into a value as a placeholder (a string value, or a member key) and written in raw
 * when the value is rendered.
 */
export class RawJson {
  private readonly pieces: Buffer[] = [];

  /** A placeholder value that renders as `text` (or these bytes), unparsed. */
  value(text: string | Buffer): string {
    return `@@fuzz-raw-${this.add(text)}@@`;
  }

  /** A placeholder member key: `{[key]: 0}` renders as `{<text>}`, e.g. text `"__proto__":{"a":1}`. */
  member(text: string): string {
    return `@@fuzz-member-${this.add(text)}@@`;
  }

  private add(text: string | Buffer): number {
    this.pieces.push(typeof text === "string" ? Buffer.from(text) : text);
    return this.pieces.length - 1;
  }

  /** The JSON text of `value` with every placeholder written in raw. */
  render(value: unknown): Buffer {
    const text = JSON.stringify(value) ?? "";
    const placeholder = /"@@fuzz-raw-(\d+)@@"|"@@fuzz-member-(\d+)@@":0/g;
    const parts: Buffer[] = [];
    let from = 0;
    for (const match of text.matchAll(placeholder)) {
      const piece = this.pieces[Number(match[1] ?? match[2])];
      if (piece === undefined) continue;
      parts.push(Buffer.from(text.slice(from, match.index)), piece);
      from = match.index + match[0].length;
    }
    parts.push(Buffer.from(text.slice(from)));
    return Buffer.concat(parts);
  }
}

/** `depth` nested arrays or objects, built as text (no value that deep can be stringified). */
export function deeplyNested(depth: number, shape: "array" | "object"): string {
  return shape === "array" ? `${"[".repeat(depth)}${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}null${"}".repeat(depth)}`;
}
