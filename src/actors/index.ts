import type { Entity, Mention, Role } from '../contract.js';
import type { Doc, MentionSpan } from '../document/doc.js';
import { loadKb, type ActorKb } from '../kb/index.js';
import type { Stage, StageContext } from '../pipeline/stage.js';
import { lexiconSets, wordsText, type ActorsContext, type Candidate, type MentionForm } from './context.js';
import { loadLexicon, type ActorsLexicon } from './lexicon.js';
import { findNames, isCountry } from './rules/01-names.js';
import { attachCues } from './rules/02-titles.js';
import { findDescriptions } from './rules/03-descriptions.js';
import { decideMetonymy } from './rules/04-metonymy.js';
import { link, type Cluster } from './rules/05-link.js';
import { resolvePronouns } from './rules/06-pronouns.js';
import { buildWords } from './words.js';

/** A mention in the output, with how it names its entity (name, description, demonym, pronoun). */
export interface ActorMention extends Mention {
  form: MentionForm;
}

/** Options of {@link createActorsStage}. */
export interface ActorsStageOptions {
  /** The knowledge base to link against (e.g. one built from PETRARCH dictionaries); the shipped one otherwise. */
  kb?: ActorKb;
  lexicon?: ActorsLexicon;
}

/** At most this many NG_ACTOR_UNLINKED diagnostics per document. */
const MAX_UNLINKED_DIAGNOSTICS = 10;

/**
 * Builds the `actors` stage: finds PERSON/ORG/GPE/LOC/NORP/FAC mentions, links them to the actor
 * knowledge base, groups them into entities with in-document coreference, and decides metonymy
 * for capitals and seats of government. Without a `kb` it uses the shipped KB plus the analysis'
 * `actorFiles`.
 *
 * @example
 *   const stage = createActorsStage({ kb: new ActorKb(importPetrarchActors(text, 'x.txt')) });
 *   const pipeline = createPipeline([{ stage: 'language' }, { stage: 'tokens' }]); // then add the stage
 */
export function createActorsStage(options: ActorsStageOptions = {}): Stage {
  const kbCache = new Map<string, ActorKb>();
  const kbFor = (ctx: StageContext): ActorKb => {
    if (options.kb) return options.kb;
    const files = ctx.analysis.actorFiles ?? [];
    const key = files.join('\0');
    let kb = kbCache.get(key);
    if (!kb) {
      kb = loadKb({ actorFiles: files });
      kbCache.set(key, kb);
    }
    return kb;
  };
  return {
    name: 'actors',
    requires: ['sentences', 'tokens'],
    assigns: ['mentions', 'entities'],
    languages: ['en'],
    run(doc, ctx) {
      const { mentions, entities } = findActors(doc, kbFor(ctx), options.lexicon);
      doc.set('mentions', mentions);
      doc.set('entities', entities);
    },
  };
}

/** The default actors stage (shipped KB and lexicon). */
export const actorsStage: Stage = createActorsStage();

/**
 * Runs the actors rules on a tokenised document and returns the mentions layer and the entities.
 *
 * @example
 *   const { entities } = findActors(doc, loadKb());
 */
export function findActors(doc: Doc, kb: ActorKb, lexicon: ActorsLexicon = loadLexicon()): { mentions: MentionSpan[]; entities: Entity[] } {
  const ctx: ActorsContext = {
    doc,
    kb,
    lex: lexicon,
    sets: lexiconSets(lexicon),
    words: buildWords(doc),
    date: doc.info.date?.slice(0, 10) ?? new Date().toISOString().slice(0, 10),
    candidates: [],
  };
  findNames(ctx);
  attachCues(ctx);
  findDescriptions(ctx);
  decideMetonymy(ctx);
  const clusters = link(ctx);
  resolvePronouns(ctx, clusters);
  return build(ctx, clusters);
}

function build(ctx: ActorsContext, clusters: Map<string, Cluster>): { mentions: MentionSpan[]; entities: Entity[] } {
  const { doc, kb } = ctx;
  const ordered = [...clusters.values()]
    .map((cl) => ({ cl, first: Math.min(...cl.mentions.map((m) => m.from)) }))
    .sort((a, b) => a.first - b.first);
  const entities: Entity[] = [];
  const mentions: MentionSpan[] = [];
  let unlinked = 0;
  ordered.forEach(({ cl }, i) => {
    const id = `e${i + 1}`;
    const ms = [...cl.mentions].sort((a, b) => a.from - b.from);
    const out: ActorMention[] = ms.map((m) => mention(ctx, m));
    const a = cl.kbId ? kb.get(cl.kbId) : undefined;
    const type = a?.type ?? (cl.key.startsWith('gov:') ? 'ORG' : cl.key.startsWith('norp:') ? 'NORP' : cl.type);
    const entity: Entity = {
      id,
      name: entityName(ctx, cl, ms),
      type,
      kb: kbLink(ctx, cl),
      roles: a ? kb.rolesAt(a.id, ctx.date).map((r) => role(ctx, r)) : [],
      mentions: out,
      // the rule of the first mention in the text; the entry is the KB record when linked
      provenance: { stage: 'actors', rule: ms[0]!.rule, ...((a?.origin ?? ms[0]!.entry ?? cl.entry) ? { entry: a?.origin ?? ms[0]!.entry ?? cl.entry } : {}) },
    };
    entities.push(entity);
    ms.forEach((m, k) => mentions.push({ ...out[k]!, type: m.metonymy?.as === 'actor' ? 'ORG' : m.form === 'pronoun' ? 'PERSON' : type, entity: id }));
    if (!entity.kb && (type === 'PERSON' || type === 'ORG') && unlinked < MAX_UNLINKED_DIAGNOSTICS) {
      unlinked++;
      const m = out[0]!;
      doc.diagnose('NG_ACTOR_UNLINKED', m, `${type} “${entity.name}” is not in the actor knowledge base`);
    }
  });
  mentions.sort((x, y) => x.start - y.start || y.end - x.end); // outer mention first when nested
  return { mentions, entities };
}

function mention(ctx: ActorsContext, m: Candidate): ActorMention {
  const start = ctx.words[m.from]!.start; // titles stay inside the mention ("US Secretary of State Rex Tillerson")
  const end = ctx.words[m.to - 1]!.end;
  return {
    start,
    end,
    text: ctx.doc.text.slice(start, end),
    form: m.form,
    ...(m.role ? { role: m.role } : {}),
    ...(m.metonymy ? { metonymy: m.metonymy } : {}),
  };
}

function entityName(ctx: ActorsContext, cl: Cluster, ms: Candidate[]): string {
  const a = cl.kbId ? ctx.kb.get(cl.kbId) : undefined;
  if (a) return a.name;
  if (cl.key.startsWith('gov:')) return `Government of ${ctx.kb.get(cl.key.slice(4))?.name ?? cl.key.slice(4)}`;
  if (cl.key.startsWith('norp:')) {
    const c = ctx.kb.get(cl.key.slice(5));
    return c?.demonyms?.[0] ?? wordsText(ctx, ms[0]!.nameFrom, ms[0]!.to);
  }
  let best = '';
  for (const m of ms) {
    if (m.form !== 'name') continue;
    const t = wordsText(ctx, m.nameFrom, m.to);
    if (t.length > best.length) best = t;
  }
  return best || wordsText(ctx, ms[0]!.from, ms[0]!.to);
}

function kbLink(ctx: ActorsContext, cl: Cluster): Entity['kb'] {
  const { kb } = ctx;
  if (cl.kbId) {
    const a = kb.get(cl.kbId)!;
    return { id: a.id, qid: a.qid ?? null, cameo: a.cameo ?? null, country: a.country ?? (isCountry(ctx, a.id) ? a.id : null) };
  }
  if (cl.key.startsWith('gov:')) {
    const c = kb.get(cl.key.slice(4));
    return { qid: null, cameo: c?.cameo ? `${c.cameo.slice(0, 3)}GOV` : null, country: cl.key.slice(4) };
  }
  if (cl.key.startsWith('norp:')) {
    const c = kb.get(cl.key.slice(5));
    return { id: c?.id, qid: c?.qid ?? null, cameo: c?.cameo ?? null, country: cl.key.slice(5) };
  }
  return null;
}

function role(ctx: ActorsContext, r: { title: string; org: string; from?: string | null; to?: string | null }): Role {
  return { title: r.title, org: ctx.kb.get(r.org)?.name ?? r.org, from: r.from ?? null, to: r.to ?? null };
}
