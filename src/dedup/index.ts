import { createHash } from 'node:crypto';
import type { Analysis } from '../contract.js';
import type { ArticleRecord, Store } from '../store/types.js';
import { bandKeys, estimateJaccard, minhash, NEAR_DUPLICATE_THRESHOLD, words } from './minhash.js';

export { bandKeys, estimateJaccard, minhash, NEAR_DUPLICATE_THRESHOLD } from './minhash.js';
export { clusterIncidents, incidentKey, INCIDENT_DATE_SLACK_DAYS, INCIDENT_MODALITIES } from './incidents.js';

/** Texts shorter than this many words are only matched exactly: a few shared shingles prove nothing. */
export const NEAR_DUPLICATE_MIN_WORDS = 30;

interface Seen {
  id: string;
  storyId: string;
  sig: Uint32Array | null;
}

/**
 * Decides, for a batch of analyses about to be stored, which story each joins: an exact copy
 * (same content hash) or a near-duplicate (MinHash Jaccard ≥ {@link NEAR_DUPLICATE_THRESHOLD})
 * of a stored article or of an earlier article of the same batch joins that article's story;
 * anything else starts its own story (story id = its own id).
 *
 * @example
 *   const records = await assignStories(store, analyses);
 *   await store.putArticles(records, runId);
 */
export async function assignStories(store: Store, analyses: Analysis[]): Promise<ArticleRecord[]> {
  const byHash = new Map<string, Seen>();
  const byBand = new Map<string, Seen[]>();
  const hashes = analyses.map((a) => contentHash(a));
  const storedByHash = await store.byContentHash([...new Set(hashes)]);
  const records: ArticleRecord[] = [];
  for (const [i, analysis] of analyses.entries()) {
    const id = analysis.document.id;
    const hash = hashes[i]!;
    if (!analysis.document.contentHash) analysis.document.contentHash = hash;
    const exact = byHash.get(hash) ?? storedByHash.get(hash);
    if (exact && exact.id !== id) {
      records.push({ analysis, storyId: exact.storyId, duplicateOf: exact.id, duplicateKind: 'exact', similarity: 1, minhash: null, bands: [] });
      continue;
    }
    const long = words(analysis.document.text).length >= NEAR_DUPLICATE_MIN_WORDS;
    const sig = long ? minhash(analysis.document.text) : null;
    const bands = sig ? bandKeys(sig) : [];
    let best: { seen: Seen; sim: number } | null = null;
    if (sig) {
      const candidates: Seen[] = (await store.nearCandidates(bands)).map((c) => ({ id: c.id, storyId: c.storyId, sig: c.minhash }));
      for (const b of bands) candidates.push(...(byBand.get(b) ?? []));
      for (const c of candidates) {
        if (c.id === id || !c.sig) continue;
        const sim = estimateJaccard(sig, c.sig);
        if (sim >= NEAR_DUPLICATE_THRESHOLD && (!best || sim > best.sim)) best = { seen: c, sim };
      }
    }
    const seen: Seen = { id, storyId: best ? best.seen.storyId : id, sig };
    byHash.set(hash, seen);
    if (!best) for (const b of bands) (byBand.get(b) ?? byBand.set(b, []).get(b)!).push(seen);
    records.push({
      analysis, storyId: seen.storyId, duplicateOf: best?.seen.id ?? null, duplicateKind: best ? 'near' : null,
      similarity: best ? best.sim : null, minhash: sig, bands,
    });
  }
  return records;
}

/** The analysis's content hash (sha256 of the normalised text), computed when the analysis lacks it. */
export function contentHash(a: Analysis): string {
  return a.document.contentHash ?? createHash('sha256').update(a.document.text).digest('hex');
}
