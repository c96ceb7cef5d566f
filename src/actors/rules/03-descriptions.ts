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
    // "Russian forces", "U.S. defense officials", "Pakistan's military": the country's institution
    const inst = institution(ctx, k, mod, country);
    if (inst && mod) {
      // a demonym is part of the description; a country name stays its own mention ("U.S." in "U.S. officials")
      const demonym = mod.form === 'demonym';
      if (demonym) mod.dropped = true;
      const from = demonym ? mod.from : k;
      added.push({
        from, nameFrom: from, to: inst.end, type: 'ORG', form: 'description', rule: 'institution',
        ...(inst.id ? { kbIds: [inst.id] } : { country }), role: wordsText(ctx, mod.from, inst.end), entry: 'data/actors-lexicon/epithets.yaml',
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
  findGroups(ctx);
}

/** Collective actors written in lower case ("world powers", "the international community"): one unlinked ORG each. */
function findGroups(ctx: ActorsContext): void {
  const { words, sets } = ctx;
  const taken = new Set<number>();
  for (const c of ctx.candidates) if (!c.dropped) for (let i = c.from; i < c.to; i++) taken.add(i);
  for (let k = 0; k < words.length; k++) {
    const seq = sets.groups.get(words[k]!.lower)?.find((q) => q.every((w, j) => words[k + j]?.lower === w && !taken.has(k + j)));
    if (!seq) continue;
    ctx.candidates.push({ from: k, nameFrom: k, to: k + seq.length, type: 'ORG', form: 'name', rule: 'group', entry: 'data/actors-lexicon/epithets.yaml' });
    k += seq.length - 1;
  }
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

const byKind = new WeakMap<ActorsContext['kb'], Map<string, string>>();

/** KB institutions by `<country>|<kind>` (built once per KB). */
function institutionsOf(kb: ActorsContext['kb']): Map<string, string> {
  let m = byKind.get(kb);
  if (!m) {
    m = new Map();
    for (const a of kb.actors.values()) if (a.country && a.kind && a.type === 'ORG' && !m.has(`${a.country}|${a.kind}`)) m.set(`${a.country}|${a.kind}`, a.id);
    byKind.set(kb, m);
  }
  return m;
}

/**
 * An institution noun at word `k` after a country cue `mod` ("Russian forces" -> RU-mil,
 * "Ukrainian officials" -> the government): the KB institution id (absent for the government,
 * which the regime rule's country key resolves) and the end of the noun. Only a demonym or a
 * country name counts as a cue ("Idlib forces" names no institution).
 */
function institution(ctx: ActorsContext, k: number, mod: Candidate | undefined, country: string | undefined): { id?: string; end: number } | undefined {
  if (!mod || !country || mod.dropped || !(mod.form === 'demonym' || isCountry(ctx, mod.kbIds?.[0] ?? ''))) return undefined;
  const { words, sets } = ctx;
  const two = k + 1 < words.length ? `${words[k]!.lower} ${words[k + 1]!.lower}` : '';
  const kind = (two && sets.institutionNouns.get(two)) || sets.institutionNouns.get(words[k]!.lower);
  if (!kind) return undefined;
  const end = two && sets.institutionNouns.has(two) ? k + 2 : k + 1;
  // "Russian military officials", "Ukrainian forces commander ...": a following name ends no institution
  if (words[end]?.cap && !words[end]!.initial) return undefined;
  if (kind === 'government') return { end };
  const id = institutionsOf(ctx.kb).get(`${country}|${kind}`);
  return id ? { id, end } : undefined;
}
