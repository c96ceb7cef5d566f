import { wordsText, type ActorsContext, type Candidate } from '../context.js';
import { isCountry } from './01-names.js';

/**
 * Pass 3: descriptions that stand for an actor. A country cue (demonym, country name or
 * possessive) followed by a leader noun or a role noun ("the Syrian dictator", "the Russian
 * leader", "Russia's president") is a PERSON description resolved later through roles valid at the
 * document date; a government noun ("the regime", "the Al Assad regime", "the Syrian regime",
 * "Damascus regime", "the regime in Damascus") is the country's government.
 */
export function findDescriptions(ctx: ActorsContext): void {
  const { words, sets } = ctx;
  const byEnd = new Map<number, Candidate>();
  const byStart = new Map<number, Candidate>();
  for (const c of ctx.candidates) if (!c.dropped) {
    byEnd.set(c.to, c);
    byStart.set(c.from, c);
  }
  const added: Candidate[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if ((w.cap && !w.initial) || !sets.cueFirstWords.has(w.lower)) continue;
    // possessive: "Russia's president"
    let mod = byEnd.get(k);
    let modEnd = k;
    if (!mod && (words[k - 1]?.lower === "'s" || words[k - 1]?.lower === '’s')) {
      mod = byEnd.get(k - 1);
      modEnd = k - 1;
    }
    const two = k + 1 < words.length ? `${w.lower} ${words[k + 1]!.lower}` : '';
    const kindTwo = two ? sets.kindNouns.get(two) : undefined;
    const kind = kindTwo ?? sets.kindNouns.get(w.lower) ?? (sets.leaderNouns.has(w.lower) ? 'leader' : undefined);
    const end = kindTwo ? k + 2 : k + 1;
    const country = mod ? countryOf(ctx, mod) : undefined;
    if (kind && mod && country && !mod.dropped && (mod.form === 'demonym' || isCountry(ctx, mod.kbIds?.[0] ?? ''))) {
      // "the Syrian leader" but not "Syrian leader Bashar al-Assad" (pass 2 took those)
      if (words[end]?.cap && !words[end]!.initial && byStart.get(end)?.type === 'PERSON') continue;
      mod.dropped = true;
      added.push({
        from: mod.from, nameFrom: mod.from, to: end, type: 'PERSON', form: 'description', rule: 'epithet',
        role: wordsText(ctx, mod.from, end), roleKind: kind as Candidate['roleKind'], roleCountry: country,
        entry: 'data/actors-lexicon/epithets.yaml',
      });
      continue;
    }
    if (!sets.governmentNouns.has(w.lower)) continue;
    // "the regime in Damascus"
    let gov = mod && !mod.dropped ? countryOf(ctx, mod) : undefined;
    let from = k;
    if (mod && gov && (mod.form === 'demonym')) {
      mod.dropped = true;
      from = mod.from;
    }
    if (!gov && words[k + 1]?.lower === 'in') {
      const place = byStart.get(k + 2);
      if (place?.country && (place.rule === 'kb-capital' || place.rule === 'kb-seat')) gov = place.country;
    }
    if (!gov && words[k - 1]?.lower !== 'the') continue; // "a government", "regimes" in general
    void modEnd;
    added.push({
      from, nameFrom: from, to: k + 1, type: 'ORG', form: 'description', rule: 'regime', country: gov,
      role: wordsText(ctx, from, k + 1), entry: 'data/actors-lexicon/epithets.yaml',
    });
  }
  ctx.candidates.push(...added);
}

/** The country a modifier names: a demonym, a country, a capital/seat, or a person's country. */
export function countryOf(ctx: ActorsContext, c: Candidate): string | undefined {
  if (c.country) return c.country;
  for (const id of c.kbIds ?? []) {
    const a = ctx.kb.get(id);
    if (!a) continue;
    if (isCountry(ctx, id)) return id;
    if (a.country) return a.country;
  }
  return undefined;
}
