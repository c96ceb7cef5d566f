import type { Doc } from '../document/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { structureData } from './data.js';
import { proposeStructure, type StructureProposal } from './rules.js';

export { proposeStructure, scoreGenre, blocks, fullDate } from './rules.js';
export { genreFromSection, structureData } from './data.js';
export type { StructureProposal } from './rules.js';

/**
 * The `structure` stage: finds caption, image credit, byline, dateline, paragraphs, copyright
 * line and author bio (the `structure` layer, spans into the text) and fills the document facts:
 * caption, imageCredit, copyright, authors, outlet, genre (and the cues that decided it), and the
 * date with its source, consulted in order metadata → dateline → caption → text (`--date` wins).
 * Language-independent: its lexical cues are data (data/structure/*.yaml).
 */
export const structureStage: Stage = {
  name: 'structure',
  requires: [],
  assigns: ['structure'],
  run(doc: Doc) {
    const info = doc.info;
    const metadataGenre = info.genre !== 'other' ? info.genre : null;
    const proposal = proposeStructure(
      doc.text,
      { title: info.title, metadataGenre, metadataYear: info.date ? Number(info.date.slice(0, 4)) : null },
      structureData(),
    );
    applyStructure(doc, proposal);
  },
};

/** Writes a structure proposal to the document: the layer and the document facts. */
export function applyStructure(doc: Doc, p: StructureProposal): void {
  const info = doc.info;
  doc.set('structure', p.parts);
  info.parts = p.parts;
  // A caption in the text wins over one from markup (<figcaption>), which the text no longer contains.
  if (p.caption || !info.caption) {
    info.caption = p.caption;
    info.imageCredit = p.imageCredit;
  }
  info.copyright = p.copyright;
  if (!info.authors.length) info.authors = p.authors;
  // The text names the original publisher (bio, syndication line); metadata names the site that served it.
  info.outlet = p.outlet ?? info.outlet;
  info.genre = p.genre;
  info.genreCues = p.genreCues;
  if (info.dateSource !== 'argument' && !(info.dateSource === 'metadata' && info.date)) {
    const order = ['dateline', 'caption', 'text'] as const;
    const source = order.find((s) => p.dates[s]);
    info.date = source ? p.dates[source]! : null;
    info.dateSource = source ?? 'none';
    if (!source && p.dateline) doc.diagnose('NG_DATE_UNRESOLVED', doc.getOr('structure', []).find((x) => x.kind === 'dateline'), 'dateline has no resolvable date');
  }
}
