/**
 * A small seeded PRNG (sfc32) whose whole state is four 32-bit words, so a tenant's randomness can be
 * exported with its state and resumed exactly. It has faker's Randomizer shape (`next`, `seed`).
 */
export type RngState = [number, number, number, number];

/** FNV-1a over a string: turns (server seed, tenant id) into seed words. */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: string) {
    this.seedFrom(seed);
  }

  private seedFrom(seed: string): void {
    // Kept as signed 32-bit words (as nextUint32 and restore leave them; the arithmetic is the same): an
    // unsigned word above 2^31 would make V8 box all four fields of every tenant's generator as doubles.
    this.a = hash32(seed, 1) | 0;
    this.b = hash32(seed, 2) | 0;
    this.c = hash32(seed, 3) | 0;
    this.d = 1;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** Faker's Randomizer.seed. */
  seed(seed: number | number[]): void {
    this.seedFrom(Array.isArray(seed) ? seed.join(",") : String(seed));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1): faker's Randomizer.next. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** The four state words as unsigned 32-bit integers (the generator keeps them signed internally). */
  snapshot(): RngState {
    return [this.a >>> 0, this.b >>> 0, this.c >>> 0, this.d >>> 0];
  }

  restore(state: RngState): void {
    const [a, b, c, d] = state;
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }
}
