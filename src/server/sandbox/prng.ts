/**
 * A small deterministic random source for the seed. Math.random cannot be seeded, and the demo
 * data must be identical on every machine for the same SANDBOX_SEED, so this uses sfc32 seeded
 * by the cyrb128 string hash: 32-bit integer arithmetic only (Math.imul, shifts), which every
 * JavaScript engine computes the same way. Floating point is limited to one exact
 * multiplication per draw; no Math.log/Math.exp whose last bits may differ between platforms.
 */
export type Random = {
  /** A uniform integer in [0, 2^32). */
  next(): number;
  /** A uniform integer in [0, n). */
  below(n: number): number;
  /** A uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with the given chance in percent (0..100). */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  /** `length` characters from [A-Za-z0-9], as Mailstand's ids use after their prefix. */
  alphanumeric(length: number): string;
};

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

export function createRandom(seed: string): Random {
  let [a, b, c, d] = cyrb128(seed);
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard the first outputs: sfc32 mixes its state over its first few rounds.
  for (let i = 0; i < 15; i++) next();

  const below = (n: number): number => Math.floor((next() / 4294967296) * n);
  return {
    next,
    below,
    between: (min, max) => min + below(max - min + 1),
    chance: (percent) => below(100) < percent,
    pick<T>(items: readonly T[]): T {
      const item = items[below(items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    weighted(weights) {
      let total = 0;
      for (const weight of weights) total += weight;
      let point = below(total);
      for (let i = 0; i < weights.length; i++) {
        point -= weights[i] ?? 0;
        if (point < 0) return i;
      }
      throw new Error('weighted() needs at least one positive weight');
    },
    alphanumeric(length) {
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHANUMERIC[below(62)];
      return text;
    },
  };
}
