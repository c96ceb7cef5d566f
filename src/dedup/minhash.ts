/**
 * Near-duplicate detection with MinHash over word shingles and LSH banding.
 *
 * Why hand-written: the few npm MinHash packages are unmaintained and slower than these
 * thirty lines; the algorithm is the textbook one (Broder 1997; Leskovec et al., *Mining of
 * Massive Datasets*, ch. 3).
 *
 * Parameters (documented in docs/store.md): 5-word shingles of the lower-cased text,
 * 128 hash functions, 32 bands of 4 rows. Two texts become near-duplicates when their
 * estimated Jaccard similarity is at least {@link NEAR_DUPLICATE_THRESHOLD}. With 32×4 bands
 * the chance that a pair at Jaccard 0.5 shares a band is 1-(1-0.5^4)^32 ≈ 0.87, at 0.7 it is 0.9995.
 */
export const SHINGLE_WORDS = 5;
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = NUM_HASHES / BANDS;
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

const SEEDS = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = (x ^ (x << 13)) >>> 0; x = (x ^ (x >>> 17)) >>> 0; x = (x ^ (x << 5)) >>> 0;
    seeds[i] = x;
  }
  return seeds;
})();

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's 32-bit finaliser: a cheap bijective mixer, so `fmix(x ^ seed)` acts as one hash function per seed. */
function fmix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Words of a text for shingling: lower case letters and digits only. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * MinHash signature of a text (128 × uint32). Texts shorter than one shingle hash their words.
 *
 * @example
 *   const a = minhash('The cat sat on the mat near the door today');
 *   estimateJaccard(a, a); // 1
 */
export function minhash(text: string): Uint32Array {
  // Each word is hashed once; a shingle's hash mixes its words' hashes (no joined strings).
  const w = words(text).map(fnv1a);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const n = Math.max(1, w.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < n; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(i + SHINGLE_WORDS, w.length); j++) h = fmix((h ^ w[j]!) + j - i);
    for (let k = 0; k < NUM_HASHES; k++) {
      const v = fmix(h ^ SEEDS[k]!);
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Fraction of equal positions: an unbiased estimate of the Jaccard similarity of the shingle sets. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH band keys of a signature, as decimal strings of a 52-bit integer (band index in the high
 * bits, a hash of the band's rows in the low 32) so that SQL stores them as integers.
 */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix(h ^ sig[b * ROWS_PER_BAND + r]!);
    keys.push(String(b * 2 ** 32 + h));
  }
  return keys;
}
