/**
 * Queries over a store, as the library and `newsgraph query <kind>` offer them. Each returns
 * `{ data, tables }`: `data` is the JSON answer, `tables` the same answer as tables for text and
 * CSV output. The store does the work; this module names the queries and shapes their answers.
 */
import type { Modality } from '../contract.js';
import { NewsgraphError } from '../errors.js';
import type { EventFilter, Store, StoredEvent } from '../store/types.js';
import type { Table } from './format.js';

export { toCsv, toText, csvField } from './format.js';
export type { Table, OutputFormat } from './format.js';

export interface QueryResult {
  data: unknown;
  tables: Table[];
}

export const QUERY_KINDS = ['actor', 'dyad', 'events', 'neighbours', 'search', 'why', 'incidents', 'stats'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const MODALITIES: Modality[] = ['asserted', 'negated', 'hypothetical', 'future', 'reported', 'denied'];

/** Parses a `--modality` value: `any`, or a comma-separated list of modalities. */
export function parseModality(value: string | undefined): Modality[] | 'any' | undefined {
  if (!value) return undefined;
  if (value === 'any' || value === 'all') return 'any';
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.find((m) => !MODALITIES.includes(m as Modality));
  if (bad) throw new NewsgraphError('NG_USAGE', '--modality', `unknown modality '${bad}' (use any or ${MODALITIES.join(', ')})`);
  return list as Modality[];
}

async function requireActor(store: Store, ref: string): Promise<void> {
  if (!(await store.findActors(ref, 1)).length) throw new NewsgraphError('NG_USAGE', ref, 'no actor with this id, key, KB id or name in the store');
}

/**
 * Actor profile: names, roles over time, top counterparts, events by QuadClass per month.
 *
 * @example
 *   const { data } = await actorProfileQuery(store, 'Vladimir Putin');
 */
export async function actorProfileQuery(store: Store, ref: string, opts: { top?: number; from?: string; to?: string } = {}): Promise<QueryResult> {
  const p = await store.actorProfile(ref, opts);
  if (!p) throw new NewsgraphError('NG_USAGE', ref, 'no actor with this id, key, KB id or name in the store');
  const a = p.actor;
  return {
    data: p,
    tables: [
      { title: `${a.name} (${a.type}, key ${a.key}${a.cameo ? `, CAMEO ${a.cameo}` : ''}) — ${a.articles} articles, ${a.mentions} mentions`, columns: ['name', 'count'], rows: p.names.map((n) => [n.text, n.count]) },
      { title: 'roles', columns: ['title', 'org', 'from', 'to', 'first seen', 'last seen', 'articles'], rows: p.roles.map((r) => [r.title, r.org, r.from, r.to, r.firstSeen, r.lastSeen, r.count]) },
      { title: 'top counterparts', columns: ['actor', 'id', 'events', 'goldstein'], rows: p.counterparts.map((c) => [c.actor.name, c.actor.id, c.events, c.goldstein]) },
      { title: 'events by month and QuadClass', columns: ['month', 'verbal coop', 'material coop', 'verbal conflict', 'material conflict'], rows: p.months.map((m) => [m.month, m.q1, m.q2, m.q3, m.q4]) },
    ],
  };
}

/** A→B events by month with Goldstein sums (`both`: and B→A). */
export async function dyadQuery(store: Store, a: string, b: string, opts: { from?: string; to?: string; both?: boolean; modality?: Modality[] | 'any' } = {}): Promise<QueryResult> {
  await requireActor(store, a);
  await requireActor(store, b);
  const months = await store.dyadTimeline(a, b, opts);
  const [sa] = await store.findActors(a, 1);
  const [sb] = await store.findActors(b, 1);
  return {
    data: { source: sa, target: sb, months },
    tables: [{
      title: `${sa!.name} ${opts.both ? '↔' : '→'} ${sb!.name}`,
      columns: ['month', 'events', 'goldstein', 'q1', 'q2', 'q3', 'q4'],
      rows: months.map((m) => [m.month, m.events, m.goldstein, m.q1, m.q2, m.q3, m.q4]),
    }],
  };
}

export function eventsTable(events: StoredEvent[], title?: string): Table {
  return {
    ...(title ? { title } : {}),
    columns: ['id', 'date', 'code', 'plover', 'source', 'target', 'place', 'modality', 'article', 'evidence'],
    rows: events.map((e) => [e.id, e.dateFrom, e.code, e.ploverType, e.source?.name ?? null, e.target?.name ?? null, e.place?.name ?? null, e.modality, e.articleId, e.evidence]),
  };
}

/** Events filtered by actor, code, root, PLOVER type, dates, place, country, modality (asserted only by default). */
export async function eventsQuery(store: Store, filter: EventFilter): Promise<QueryResult> {
  for (const ref of [filter.actor, filter.source, filter.target]) if (typeof ref === 'string') await requireActor(store, ref);
  const events = await store.events(filter);
  return { data: events, tables: [eventsTable(events)] };
}

/** Relations around an actor, depth 1 or 2. */
export async function neighboursQuery(store: Store, ref: string, depth: 1 | 2 = 1): Promise<QueryResult> {
  await requireActor(store, ref);
  const edges = await store.neighbourhood(ref, depth);
  return {
    data: edges,
    tables: [{ columns: ['depth', 'source', 'relation', 'polarity', 'target', 'count'], rows: edges.map((e) => [e.depth, e.source.name, e.type, e.polarity, e.target.name, e.count]) }],
  };
}

/** Full-text search with highlighted snippets. */
export async function searchQuery(store: Store, text: string, opts: { limit?: number; highlight?: [string, string] } = {}): Promise<QueryResult> {
  const hits = await store.search(text, opts);
  return { data: hits, tables: [{ columns: ['article', 'date', 'title', 'snippet'], rows: hits.map((h) => [h.articleId, h.date, h.title, h.snippet]) }] };
}

/** An event with its evidence sentence, rule and incident. */
export async function whyQuery(store: Store, ref: string): Promise<QueryResult> {
  const w = await store.why(ref);
  if (!w) throw new NewsgraphError('NG_USAGE', ref, 'no such event (give its number or articleId#v1)');
  const e = w.event;
  const rows: Array<[string, string | number | null]> = [
    ['event', `${e.id} (${e.articleId}#${e.localId})`],
    ['code', `${e.code} (root ${e.root}, QuadClass ${e.quadClass}, Goldstein ${e.goldstein})${e.ploverType ? ` PLOVER ${e.ploverType}${e.ploverMode ? `/${e.ploverMode}` : ''}` : ''}`],
    ['label', e.label],
    ['source', e.source?.name ?? null],
    ['target', e.target?.name ?? null],
    ['date', e.dateFrom === e.dateTo ? e.dateFrom : `${e.dateFrom} .. ${e.dateTo}`],
    ['place', e.place ? `${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : null],
    ['modality', e.modality],
    ['trigger', `${e.trigger.text} [${e.trigger.start}, ${e.trigger.end})`],
    ['sentence', `#${w.sentence.index} [${w.sentence.start}, ${w.sentence.end}): ${w.sentence.text}`],
    ['rule', e.rule + (w.provenance?.entry ? ` (${w.provenance.entry})` : '')],
    ['confidence', e.confidence],
    ['article', `${w.article.id}${w.article.title ? ` — ${w.article.title}` : ''}${w.article.date ? ` (${w.article.date})` : ''}`],
    ['incident', w.incident ? `${w.incident.id}: ${w.incident.events} events in ${w.incident.articles} articles, ${w.incident.sources} independent sources` : null],
  ];
  return { data: w, tables: [{ columns: ['field', 'value'], rows }] };
}

/** Incidents, most independent sources first. */
export async function incidentsQuery(store: Store, opts: { minSources?: number; limit?: number } = {}): Promise<QueryResult> {
  const list = await store.incidents(opts);
  const names = new Map<number, string>();
  const name = async (id: number | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, (await store.findActors(id, 1))[0]?.name ?? String(id));
    return names.get(id)!;
  };
  const rows: Table['rows'] = [];
  for (const i of list) rows.push([i.id, i.dateFrom, i.dateTo, await name(i.source), await name(i.target), i.root, i.where, i.events, i.articles, i.sources]);
  return { data: list, tables: [{ columns: ['id', 'from', 'to', 'source', 'target', 'root', 'where', 'events', 'articles', 'sources'], rows }] };
}

/** Counts of everything in the store. */
export async function statsQuery(store: Store): Promise<QueryResult> {
  const s = await store.stats();
  return { data: s, tables: [{ columns: ['what', 'count'], rows: Object.entries(s).map(([k, v]) => [k, v]) }] };
}
