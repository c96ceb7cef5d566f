import type { ActorsContext, Candidate } from '../context.js';

/**
 * Pass 2: lower-case title or epithet cues before a name, optionally after a demonym:
 * "Syrian dictator Bashar Al Assad", "dictator Bashar Al Assad", "Russian leader Vladimir Putin"
 * become one PERSON mention with the cue kept as its role. The demonym is absorbed.
 */
export function attachCues(ctx: ActorsContext): void {
  const { words, sets } = ctx;
  const byEnd = new Map<number, Candidate>();
  for (const c of ctx.candidates) byEnd.set(c.to, c);
  for (const c of ctx.candidates) {
    if (c.dropped || c.form !== 'name' || c.role || !(c.type === 'PERSON' || c.type === 'OTHER')) continue;
    const cue = words[c.from - 1];
    if (!cue || cue.cap || cue.sentence !== words[c.from]!.sentence) continue;
    const kind = sets.kindNouns.get(cue.lower) ?? (sets.leaderNouns.has(cue.lower) ? 'leader' : sets.titles.get(cue.lower)?.kind);
    if (!kind) continue;
    const dem = byEnd.get(c.from - 1);
    const from = dem && (dem.form === 'demonym' || dem.rule === 'kb-match') && dem.country !== undefined ? dem.from : dem?.kbIds?.length && dem.type === 'GPE' ? dem.from : c.from - 1;
    const country = from < c.from - 1 ? dem!.country ?? dem!.kbIds?.[0] : undefined;
    if (from < c.from - 1) dem!.dropped = true;
    c.from = from;
    c.type = 'PERSON';
    c.role = ctx.doc.text.slice(words[from]!.start, cue.end);
    c.roleKind = kind as Candidate['roleKind'];
    c.roleCountry = country;
    c.rule = `${c.rule}+cue`;
  }
}
