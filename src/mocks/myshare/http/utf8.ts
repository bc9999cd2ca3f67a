/**
 * Python's UnicodeDecodeError text for the first invalid UTF-8 sequence in `bytes`, or undefined when
 * the bytes are valid UTF-8: "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
 */
export function utf8Error(bytes: Uint8Array): string | undefined {
  let i = 0;
  const fail = (at: number, reason: string) => {
    const byte = bytes[at] ?? 0;
    return `'utf-8' codec can't decode byte 0x${byte.toString(16).padStart(2, "0")} in position ${at}: ${reason}`;
  };
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return fail(i, "invalid start byte");
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return fail(i, "unexpected end of data");
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return fail(i, "invalid continuation byte");
    }
    i += need + 1;
  }
  return undefined;
}
