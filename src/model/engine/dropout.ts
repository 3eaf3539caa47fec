import { Rng } from '../../util/random';

/** A 32-bit hash of a few integers (murmur3 finaliser over a running mix): independent seeds per row and step. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p | 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h | 0;
}

/**
 * The two dropout masks of a batch, inverted-dropout scaled (kept values are 1 / (1 - rate)). Read each when it is
 * used: masks in wasm memory are getters, whose views a memory growth detaches.
 */
export interface DropoutMasks {
  /** After the encoder, on its last state: [B, uLast]. */
  readonly enc: Float32Array;
  /** After the decoder, time-major [T*B, uFirst]. */
  readonly dec: Float32Array;
}

/**
 * Seeded dropout masks for rows `row0 .. row0 + B - 1` of training step `step` (Keras: each value dropped
 * independently with probability `rate`). Each row draws from its own stream, so a batch split across
 * workers gets exactly the masks of the whole batch.
 *
 * @example
 * const m = dropoutMasks(0.2, 42, 0, 0, 32, 30, 128, 128);
 */
export function dropoutMasks(
  rate: number,
  seed: number,
  step: number,
  row0: number,
  B: number,
  T: number,
  uLast: number,
  uFirst: number,
): DropoutMasks {
  const enc = new Float32Array(B * uLast);
  const dec = new Float32Array(T * B * uFirst);
  const keep = 1 / (1 - rate);
  for (let b = 0; b < B; b++) {
    const rng = new Rng(mixSeed(seed, step, row0 + b));
    for (let j = 0; j < uLast; j++) enc[b * uLast + j] = rng.next() >= rate ? keep : 0;
    for (let t = 0; t < T; t++) {
      const o = (t * B + b) * uFirst;
      for (let j = 0; j < uFirst; j++) dec[o + j] = rng.next() >= rate ? keep : 0;
    }
  }
  return { enc, dec };
}
