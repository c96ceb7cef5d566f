/** One benchmark of `npm run bench [name]`: prints its own report (ratios against a baseline run in the same process). */
export interface Benchmark {
  name: string;
  description: string;
  run(args: string[]): Promise<void>;
}

/** Peak resident set size so far, in MB (from the kernel's high-water mark when available). */
export function peakRssMb(): number {
  const usage = process.resourceUsage();
  return Math.round(usage.maxRSS / 1024);
}

/** The value after `--name` in a benchmark's arguments, or undefined. */
export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** A small deterministic PRNG (mulberry32), so a benchmark builds the same data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
