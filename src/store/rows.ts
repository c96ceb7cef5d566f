import type { Analysis, EntityType } from '../contract.js';
import { SCHEMA } from '../contract.js';
import type { Actor, Incident, StoredArticle, StoredEvent } from './types.js';

/**
 * Row → object mappers shared by the SQLite and PostgreSQL stores: both keep the same column names
 * (the exports read them too), so one mapping serves both.
 */
type Row = Record<string, any>;

export function round(x: number | null): number {
  return x === null ? 0 : Math.round(x * 100) / 100 + 0;
}

export function toArticle(r: Row): StoredArticle {
  return {
    id: r.id, source: r.source, url: r.url, title: r.title, date: r.date, dateSource: r.date_source, authors: JSON.parse(r.authors),
    outlet: r.outlet, genre: r.genre, language: r.language, text: r.text, contentHash: r.content_hash,
    sentences: (JSON.parse(r.sentences) as Array<[number, number]>).map(([start, end]) => ({ start, end })),
    storyId: r.story_id, duplicateOf: r.duplicate_of, duplicateKind: r.duplicate_kind, similarity: r.similarity, runId: r.run_id,
  };
}

export function toActor(r: Row): Actor {
  return { id: r.id, key: r.key, name: r.name, type: r.type, qid: r.qid, cameo: r.cameo, country: r.country, mentions: r.mentions, articles: r.articles };
}

export function toIncident(r: Row): Incident {
  return {
    id: r.id, source: r.source, target: r.target, root: r.root, where: r.where_key, dateFrom: r.date_from, dateTo: r.date_to,
    events: r.events, articles: r.articles, sources: r.sources,
  };
}

export function toEvent(r: Row): StoredEvent {
  return {
    id: r.id, articleId: r.article_id, localId: r.local_id, code: r.code, root: r.root, quadClass: r.quad_class, goldstein: r.goldstein,
    ploverType: r.plover_type, ploverMode: r.plover_mode, label: r.label,
    source: r.source === null ? null : { id: r.source, name: r.s_name, cameo: r.s_cameo, country: r.s_country },
    target: r.target === null ? null : { id: r.target, name: r.t_name, cameo: r.t_cameo, country: r.t_country },
    dateFrom: r.date_from, dateTo: r.date_to,
    place: r.place_name === null ? null : { id: r.place, name: r.place_name, country: r.country, lat: r.lat, lon: r.lon },
    modality: r.modality, sentence: r.sentence, trigger: { start: r.trigger_start, end: r.trigger_end, text: r.trigger_text },
    evidence: r.evidence, rule: r.rule, confidence: r.confidence, incidentId: r.incident, ...corrected(r.provenance),
  };
}

export function corrected(provenance: string | null | undefined): { corrected?: true } {
  return provenance?.startsWith('{"stage":"correction"') ? { corrected: true } : {};
}

/** The rows of one stored article, by table (each in insertion order), as both stores read them. */
export interface ArticleRows {
  /** `entities` rows joined with their actor's `key`. */
  entities: Row[];
  mentions: Row[];
  roles: Row[];
  tone: Row | undefined;
  places: Row[];
  times: Row[];
  events: Row[];
  relations: Row[];
  quotes: Row[];
}

const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : fallback);

/** Rebuilds the analysis contract of an article from its `articles` row and its fact rows. */
export function assembleAnalysis(r: Row, rows: ArticleRows): Analysis {
  const art = toArticle(r);
  const localOf = new Map<number, string>(rows.entities.map((e) => [e.actor as number, e.local_id as string]));
  const loc = (actor: number | null) => (actor === null ? null : localOf.get(actor) ?? null);
  return {
    schema: SCHEMA,
    document: {
      id: art.id, source: art.source, title: art.title, date: art.date, dateSource: art.dateSource as never, authors: art.authors,
      outlet: art.outlet, genre: art.genre as never, caption: r.caption, imageCredit: r.image_credit, copyright: r.copyright,
      language: art.language, text: art.text, contentHash: art.contentHash, ...(r.parts ? { parts: JSON.parse(r.parts) } : {}),
    },
    sentences: art.sentences,
    entities: rows.entities.map((e) => ({
      id: e.local_id, name: e.name, type: e.type as EntityType, kb: parse(e.kb, null),
      roles: rows.roles.filter((x) => x.actor === e.actor).map((x) => ({ title: x.title, org: x.org, from: x.valid_from, to: x.valid_to })),
      mentions: rows.mentions.filter((m) => m.entity === e.local_id).map((m) => ({
        start: m.start, end: m.end, text: m.text, ...(m.role ? { role: m.role } : {}), ...(m.metonymy ? { metonymy: JSON.parse(m.metonymy) } : {}),
      })),
      ...(e.provenance ? { provenance: JSON.parse(e.provenance) } : {}), ...corrected(e.provenance),
    })),
    places: rows.places.map((p) => ({
      entity: p.entity, name: p.name, lat: p.lat, lon: p.lon, country: p.country, geonameId: p.geoname_id, featureCode: p.feature_code,
      candidates: JSON.parse(p.candidates), reason: p.reason, ...(p.provenance ? { provenance: JSON.parse(p.provenance) } : {}), ...corrected(p.provenance),
    })),
    times: rows.times.map((t) => ({
      start: t.start, end: t.end, text: t.text, value: t.value, from: t.date_from, to: t.date_to, grain: t.grain,
      ...(t.provenance ? { provenance: JSON.parse(t.provenance) } : {}),
    })),
    events: rows.events.map((v) => ({
      id: v.local_id, code: v.code, root: v.root, quadClass: v.quad_class, goldstein: v.goldstein,
      plover: v.plover_type ? { type: v.plover_type, mode: v.plover_mode, ...(v.plover_context ? { context: JSON.parse(v.plover_context) } : {}) } : null,
      label: v.label, source: loc(v.source), target: loc(v.target),
      date: v.dated ? { from: v.date_from, to: v.date_to } : null,
      place: loc(v.place), modality: v.modality, sentence: v.sentence,
      trigger: { start: v.trigger_start, end: v.trigger_end, text: v.trigger_text }, evidence: v.evidence, rule: v.rule,
      confidence: v.confidence, ...(v.provenance ? { provenance: JSON.parse(v.provenance) } : {}), ...corrected(v.provenance),
    })),
    relations: rows.relations.map((x) => ({
      type: x.type, polarity: x.polarity, source: loc(x.source)!, target: loc(x.target)!, modality: x.modality,
      evidence: { sentence: x.sentence, start: x.start, end: x.end }, ...(x.provenance ? { provenance: JSON.parse(x.provenance) } : {}),
    })),
    quotes: rows.quotes.map((q) => ({
      text: q.text, start: q.start, end: q.end, speaker: loc(q.speaker), addressee: loc(q.addressee), cue: q.cue,
      ...(q.kind ? { kind: q.kind } : {}), ...(q.provenance ? { provenance: JSON.parse(q.provenance) } : {}),
    })),
    tone: rows.tone
      ? {
          score: rows.tone.score, positive: rows.tone.positive, negative: rows.tone.negative, polarity: rows.tone.polarity, wordCount: rows.tone.word_count,
          stance: (JSON.parse(rows.tone.stance) as Array<{ entity: string; score: number }>).map((s) => ({ entity: s.entity, score: s.score })),
        }
      : null,
    diagnostics: parse(r.diagnostics, []),
    ...(r.pipeline ? { pipeline: JSON.parse(r.pipeline) } : {}),
  };
}
