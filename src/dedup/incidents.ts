/**
 * Incident-level deduplication: events of different articles that describe the same incident.
 *
 * Two events belong to one incident when they have the same source actor, target actor and CAMEO
 * root code, the same place key (country code when known, else the place actor), and their date
 * ranges overlap (allowing {@link INCIDENT_DATE_SLACK_DAYS} days of slack, since articles date
 * an incident by their own publication day). Only asserted and reported events are clustered:
 * a denied or hypothetical attack is not an incident. The number of independent sources is the
 * number of distinct stories: reprints of one text count once.
 */
export const INCIDENT_DATE_SLACK_DAYS = 1;
export const INCIDENT_MODALITIES = ['asserted', 'reported'] as const;

/** One event as the clustering sees it. Rows must arrive sorted by `key`, then `dateFrom`. */
export interface IncidentEventRow {
  eventId: number;
  /** Grouping key: source|target|root|place (see {@link incidentKey}). */
  key: string;
  dateFrom: string;
  dateTo: string;
  articleId: string | number;
  storyId: string;
}

export interface IncidentCluster {
  key: string;
  dateFrom: string;
  dateTo: string;
  eventIds: number[];
  articles: number;
  sources: number;
}

/** The grouping key of an event; null when the event cannot be placed in an incident (no root or no actor). */
export function incidentKey(source: number | null, target: number | null, root: string, where: string | null): string | null {
  if (!root || (source === null && target === null)) return null;
  return `${source ?? '-'}|${target ?? '-'}|${root}|${where ?? '-'}`;
}

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return iso;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Clusters sorted event rows into incidents (a sweep over each key's date-sorted events).
 *
 * @example
 *   [...clusterIncidents([
 *     { eventId: 1, key: 'a|b|19|SY', dateFrom: '2017-04-04', dateTo: '2017-04-04', articleId: 'x', storyId: 'x' },
 *     { eventId: 2, key: 'a|b|19|SY', dateFrom: '2017-04-05', dateTo: '2017-04-05', articleId: 'y', storyId: 'y' },
 *   ])]; // one incident, 2 sources
 */
export function* clusterIncidents(rows: Iterable<IncidentEventRow>): Generator<IncidentCluster> {
  let current: { key: string; from: string; to: string; reach: string; events: number[]; articles: Set<string | number>; stories: Set<string> } | null = null;
  const flush = (c: NonNullable<typeof current>): IncidentCluster => ({
    key: c.key, dateFrom: c.from, dateTo: c.to, eventIds: c.events, articles: c.articles.size, sources: c.stories.size,
  });
  for (const row of rows) {
    const to = row.dateTo >= row.dateFrom ? row.dateTo : row.dateFrom;
    if (current && current.key === row.key && row.dateFrom <= current.reach) {
      current.events.push(row.eventId);
      current.articles.add(row.articleId);
      current.stories.add(row.storyId);
      if (to > current.to) { current.to = to; current.reach = addDays(to, INCIDENT_DATE_SLACK_DAYS); }
      continue;
    }
    if (current) yield flush(current);
    current = {
      key: row.key, from: row.dateFrom, to, reach: addDays(to, INCIDENT_DATE_SLACK_DAYS),
      events: [row.eventId], articles: new Set([row.articleId]), stories: new Set([row.storyId]),
    };
  }
  if (current) yield flush(current);
}
