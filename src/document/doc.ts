import type {
  Diagnostic, DocumentInfo, Entity, Event, Mention, Place, Quote, Relation, Span, TimeExpression, Tone,
} from '../contract.js';
import { CODES, type Code } from '../errors.js';
import type { TokenLayer } from './tokens.js';

/** A part of the document's structure (caption, paragraph, copyright line...). */
export interface Part extends Span {
  kind: 'title' | 'caption' | 'credit' | 'dateline' | 'paragraph' | 'copyright' | 'bio' | 'byline';
}

/** A mention before it is grouped into an entity: what the actors stage proposes. */
export interface MentionSpan extends Mention {
  type: Entity['type'];
  /** Entity id once linked. */
  entity?: string;
}

/**
 * Every layer a stage can assign, by name. Stages in later modules add their own layers
 * by augmenting this interface (`declare module '../document/doc.js' { interface Layers { ... } }`).
 */
export interface Layers {
  structure: Part[];
  sentences: Span[];
  tokens: TokenLayer;
  mentions: MentionSpan[];
  entities: Entity[];
  places: Place[];
  times: TimeExpression[];
  events: Event[];
  relations: Relation[];
  quotes: Quote[];
  tone: Tone;
}
export type LayerName = keyof Layers;

/**
 * One article: owns the normalised text, its metadata and stand-off layers.
 * Layers are spans into `text`, never copies; stages read layers with `get` and write them with `set`.
 *
 * @example
 *   const doc = new Doc({ id: 'a1', text: 'Putin met Mattarella.' });
 *   doc.set('sentences', [{ start: 0, end: 21 }]);
 */
export class Doc {
  readonly text: string;
  readonly info: Omit<DocumentInfo, 'text'>;
  readonly diagnostics: Diagnostic[] = [];
  /** Raw HTML when the input was HTML (for stages that want markup cues). */
  readonly html: string | null;
  private readonly layers = new Map<LayerName, unknown>();
  /** The stage currently running (set by the runner) so diagnostics know their origin. */
  currentStage: string | undefined;

  constructor(init: Partial<Omit<DocumentInfo, 'text'>> & { text: string; html?: string | null }) {
    this.text = init.text;
    this.html = init.html ?? null;
    this.info = {
      id: init.id ?? '',
      source: init.source ?? null,
      title: init.title ?? null,
      date: init.date ?? null,
      dateSource: init.dateSource ?? (init.date ? 'metadata' : 'none'),
      authors: init.authors ?? [],
      outlet: init.outlet ?? null,
      genre: init.genre ?? 'other',
      caption: init.caption ?? null,
      imageCredit: init.imageCredit ?? null,
      copyright: init.copyright ?? null,
      language: init.language ?? 'und',
      parts: init.parts,
      contentHash: init.contentHash,
    };
  }

  has(name: LayerName): boolean {
    return this.layers.has(name);
  }

  /** Reads a layer; throws if no stage assigned it (a pipeline mistake, caught before running). */
  get<K extends LayerName>(name: K): Layers[K] {
    if (!this.layers.has(name)) throw new Error(`layer '${name}' has not been assigned`);
    return this.layers.get(name) as Layers[K];
  }

  /** Reads a layer or returns `fallback` when it was not assigned (a stage was skipped). */
  getOr<K extends LayerName>(name: K, fallback: Layers[K]): Layers[K] {
    return this.layers.has(name) ? (this.layers.get(name) as Layers[K]) : fallback;
  }

  set<K extends LayerName>(name: K, value: Layers[K]): void {
    this.layers.set(name, value);
  }

  /** The text of a span. */
  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** Records a problem found in the text. */
  diagnose(code: Code, where: Partial<Span> = {}, message?: string): void {
    this.diagnostics.push({
      code,
      message: message ?? CODES[code],
      ...(this.currentStage ? { stage: this.currentStage } : {}),
      ...(where.start !== undefined ? { start: where.start, end: where.end ?? where.start } : {}),
    });
  }
}
