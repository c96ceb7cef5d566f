import { isPossessive, type ActorsContext } from '../context.js';

const VERBISH = new Set(['VERB', 'AUX']);
/** Words that follow a verb in "-s" that the tagger mistook for a plural noun ("Moscow regards as"). */
const AFTER_VERB = new Set(['as', 'that', 'the', 'it', 'its', 'a', 'an', 'to', 'with', 'on', 'this', 'them', 'him', 'her']);

function looksLikeVerb(w: { pos: string; lower: string }, next: { lower: string } | undefined): boolean {
  return w.pos === 'NOUN' && /[^s]s$/.test(w.lower) && !!next && AFTER_VERB.has(next.lower);
}

/**
 * Pass 4: metonymy. A capital or seat of government is the government (an actor) when it acts or
 * is acted on — followed by a verb ("Moscow has mobilised", "Moscow regards"), after an agentive
 * word or a non-motion verb ("an alliance with Damascus", "persuade Moscow", "inform Moscow"),
 * before a government noun ("Damascus regime"), or possessive ("Moscow's ostracism") — and a
 * place when it is a location ("talks in Moscow", "capture Damascus", "the suburbs of Damascus").
 * Cues are data (`data/actors-lexicon/metonymy.yaml`); seats default to actor, capitals to place.
 */
export function decideMetonymy(ctx: ActorsContext): void {
  const { words, sets } = ctx;
  for (const c of ctx.candidates) {
    if (c.dropped || (c.rule !== 'kb-capital' && c.rule !== 'kb-seat')) continue;
    const isSeat = c.rule === 'kb-seat';
    let from = c.from;
    if (words[from - 1]?.lower === 'the') from--;
    const prev = words[from - 1];
    const prev2 = words[from - 2];
    const next = words[c.to];
    const next2 = words[c.to + 1];
    let as: 'actor' | 'place' = isSeat ? 'actor' : 'place';
    let cue = isSeat ? 'seat of government' : 'capital';
    const same = (w: typeof prev): boolean => !!w && w.sentence === words[c.from]!.sentence;
    if (same(next) && isPossessive(next)) {
      const owned = next2?.lower ?? '';
      if (sets.metoPossessivePlaceNouns.has(owned) || (next2?.cap && (ctx.kb.seat(next2.text) !== undefined))) [as, cue] = ['place', `'s ${owned}`];
      else [as, cue] = ['actor', `possessive 's ${owned}`];
    } else if (same(prev) && sets.metoPlacePreps.has(prev!.lower) && !isSeat) {
      [as, cue] = ['place', prev!.lower];
    } else if (same(prev) && prev!.lower === 'of' && same(prev2) && sets.metoPlaceNounsOf.has(prev2!.lower)) {
      [as, cue] = ['place', `${prev2!.lower} of`];
    } else if (same(prev) && sets.metoPlaceVerbs.has(prev!.lower)) {
      [as, cue] = ['place', prev!.lower];
    } else if (same(next) && sets.metoActorAfterNouns.has(next!.lower)) {
      [as, cue] = ['actor', next!.lower];
    } else if (same(next) && (VERBISH.has(next!.pos) || looksLikeVerb(next!, next2)) && next!.lower !== 'to') {
      [as, cue] = ['actor', `subject of ${next!.lower}`];
    } else if (same(prev) && prev!.lower === 'from' && same(prev2) && sets.metoPlaceVerbs.has(prev2!.lower)) {
      [as, cue] = ['place', `${prev2!.lower} from`];
    } else if (same(prev) && sets.metoActorBefore.has(prev!.lower)) {
      [as, cue] = ['actor', prev!.lower];
    } else if (same(prev) && prev!.pos === 'VERB') {
      [as, cue] = ['actor', `object of ${prev!.lower}`];
    } else if (same(prev) && sets.metoPlacePreps.has(prev!.lower)) {
      [as, cue] = ['place', prev!.lower];
    }
    c.metonymy = { as, cue };
    if (as === 'place') c.type = isSeat ? 'FAC' : 'GPE';
  }
}
