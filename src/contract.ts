/**
 * The analysis contract: the JSON shape of one analysed article (`schema: "newsgraph.analysis/1"`).
 * The CLI, the HTTP API, the store, the exports and the evaluation all speak it.
 * All `start`/`end` offsets (end exclusive) index into `document.text`.
 * Fields may be added freely; renaming or dropping one needs a schema version bump.
 */

export const SCHEMA = 'newsgraph.analysis/1';

export type Genre = 'news' | 'opinion' | 'analysis' | 'other';
export type DateSource = 'metadata' | 'dateline' | 'caption' | 'text' | 'argument' | 'none';
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'FAC' | 'EVENT' | 'OTHER';
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'future' | 'reported' | 'denied';

/** Where a fact came from: stage, rule or dictionary entry, data version. */
export interface Provenance {
  stage: string;
  rule: string;
  /** Dictionary entry that fired, as `file:line` or an id, when there is one. */
  entry?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface DocumentInfo {
  id: string;
  source: string | null;
  title: string | null;
  date: string | null;
  dateSource: DateSource;
  authors: string[];
  outlet: string | null;
  genre: Genre;
  /** Which genre cues fired (`metadata`, `bio-line`, `argument-phrases×5`...), so users can see why. */
  genreCues?: string[];
  caption: string | null;
  imageCredit: string | null;
  copyright: string | null;
  language: string;
  text: string;
  /** Structural parts of the text with offsets: caption, credit, dateline, paragraph, copyright, bio, title. */
  parts?: Array<Span & { kind: string }>;
  /** sha256 of the normalised text. */
  contentHash?: string;
}

export interface Token extends Span {
  text: string;
  pos: string;
  sentence: number;
}

export interface Mention extends Span {
  text: string;
  /** Whether a capital/seat of government is used as an actor (the government) or as a place, and why. */
  metonymy?: { as: 'actor' | 'place'; cue: string };
  /** Title or description cue kept from the mention ("Russian President"). */
  role?: string;
}

export interface KbLink {
  id?: string;
  qid: string | null;
  cameo: string | null;
  country: string | null;
}

export interface Role {
  title: string;
  org: string;
  from: string | null;
  to: string | null;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  kb: KbLink | null;
  roles: Role[];
  mentions: Mention[];
  provenance?: Provenance;
  /** Set when a user correction changed this fact (its provenance then names the correction). */
  corrected?: boolean;
}

export interface PlaceCandidate {
  name: string;
  lat: number;
  lon: number;
  country: string;
  score: number;
  geonameId?: number | null;
  featureCode?: string | null;
}

export interface Place {
  entity: string;
  name: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
  geonameId: number | null;
  featureCode: string | null;
  candidates: PlaceCandidate[];
  reason: string;
  provenance?: Provenance;
  /** Set when a user correction changed this fact (its provenance then names the correction). */
  corrected?: boolean;
}

export interface TimeExpression extends Span {
  text: string;
  value: string | null;
  from: string | null;
  to: string | null;
  grain: 'day' | 'week' | 'month' | 'season' | 'quarter' | 'year' | 'decade' | 'century' | 'era' | 'range' | 'duration' | 'time';
  provenance?: Provenance;
}

export interface Event {
  id: string;
  code: string;
  root: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: { type: string; mode?: string | null; context?: string[] } | null;
  label: string;
  source: string | null;
  target: string | null;
  date: { from: string; to: string } | null;
  place: string | null;
  modality: Modality;
  sentence: number;
  trigger: Span & { text: string };
  evidence: string;
  rule: string;
  confidence: number;
  provenance?: Provenance;
  /** Set when a user correction changed this fact (its provenance then names the correction). */
  corrected?: boolean;
}

export interface Relation {
  type: string;
  polarity: 'positive' | 'negative' | 'neutral';
  source: string;
  target: string;
  modality: Modality;
  evidence: { sentence: number; start: number; end: number };
  provenance?: Provenance;
}

export interface Quote extends Span {
  text: string;
  speaker: string | null;
  addressee: string | null;
  cue: string | null;
  /** direct: in quotation marks; indirect: reported speech after a speech verb. */
  kind?: 'direct' | 'indirect';
  provenance?: Provenance;
}

export interface Tone {
  score: number;
  positive: number;
  negative: number;
  polarity: number;
  wordCount: number;
  stance: Array<{ entity: string; score: number }>;
}

export interface Diagnostic {
  code: string;
  message: string;
  stage?: string;
  start?: number;
  end?: number;
}

/** One analysed article. */
export interface Analysis {
  schema: typeof SCHEMA;
  document: DocumentInfo;
  sentences: Span[];
  tokens?: Token[];
  entities: Entity[];
  places: Place[];
  times: TimeExpression[];
  events: Event[];
  relations: Relation[];
  quotes: Quote[];
  tone: Tone | null;
  diagnostics: Diagnostic[];
  /** Which stages ran, in order, and the data version they used. */
  pipeline?: { stages: string[]; dataVersion: string; version: string };
}
