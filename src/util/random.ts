/**
 * A seeded pseudo-random generator (mulberry32): same seed, same sequence, on every platform.
 *
 * @example
 * const rng = new Rng(42); rng.next(); // in [0, 1)
 */
export class Rng {
  private state: number;
  /** @param seed any integer; it is reduced to 32 bits. */
  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`invalid seed: ${seed}`);
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }
  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Standard normal draw (Box-Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A new 32-bit seed drawn from this generator (to seed a sub-stream). */
  seed(): number {
    return Math.floor(this.next() * 4294967296) | 0;
  }
  /** Fisher-Yates shuffle of 0..n-1. */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [p[i], p[j]] = [p[j], p[i]];
    }
    return p;
  }
}
