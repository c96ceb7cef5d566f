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
