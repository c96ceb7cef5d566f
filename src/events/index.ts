import type { Event, Relation } from '../contract.js';
import type { Doc } from '../document/doc.js';
import type { Stage } from '../pipeline/stage.js';
import { proposeRelations } from '../relations/index.js';
import { eventPlace } from '../geo/event-place.js';
import { eventDate } from '../time/event-date.js';
import { existsSync } from 'node:fs';
import { NewsgraphError } from '../errors.js';
import { proposeEvents, type CoderOptions, type EventProposal } from './coder.js';
import { loadPatternsWith } from './patterns.js';

export { proposeEvents, codeSentence, actorSpans, type CoderOptions, type EventProposal } from './coder.js';
export { factualityOf, loadCues } from './factuality.js';
export { loadPatterns, loadPatternsWith, indexPatterns, readVerbRows, verbRowsTsv } from './patterns.js';
export { cameoCodes, ploverFor, describeCode } from './tables.js';
export { importPetrarchVerbs, importPetrarchDiscards } from './petrarch.js';
export { composeActorCode, loadAgents } from './agents.js';

/** Turns proposals into contract events with ids (the one place that writes the layer). */
export function toEvents(proposals: EventProposal[]): Event[] {
  return proposals.map(({ triggerToken: _t, sourceTokens: _s, targetTokens: _g, ...p }, i) => ({ id: `v${i + 1}`, ...p }));
}

/** Providers from the where/when stages, wired in by whoever composes the pipeline (optional). */
export const eventContext: Pick<CoderOptions, 'eventDate' | 'eventPlace'> = {};

/** Extra verb files from the stage options (`verbFiles`) and the analysis options (`--verbs`). */
function verbFilesOf(options: Record<string, unknown>, analysis: { verbFiles?: unknown }): string[] {
  const files = [options.verbFiles, analysis.verbFiles].flatMap((x) => (Array.isArray(x) ? x.map(String) : typeof x === 'string' ? [x] : []));
  for (const f of files) if (!existsSync(f)) throw new NewsgraphError('NG_INPUT_MISSING', f, 'verb pattern file not found');
  return files;
}

/**
 * The `events` stage: codes CAMEO/PLOVER events with factuality and writes durable relations.
 * Reads `places`/`times` when an earlier stage assigned them (not required, so the pipeline works without them).
 * Extra verb pattern files (`verbFiles` stage option or analysis option, `newsgraph analyze --verbs`) are
 * read before the shipped patterns, so a user's rows win for the same verb.
 *
 * @example
 *   createPipeline([{ stage: 'language' }, { stage: 'tokens' }, { stage: 'actors' }, { stage: 'events' }]);
 */
export function eventsStage(options: Record<string, unknown> = {}): Stage {
  return {
    name: 'events',
    requires: ['sentences', 'tokens', 'mentions', 'entities'],
    assigns: ['events', 'relations'],
    languages: ['en'],
    run(doc: Doc, ctx) {
      const verbFiles = verbFilesOf(options, ctx?.analysis ?? {});
      // the where/when providers read the `times`/`places` layers; without them the coder's own fallback is used
      const proposals = proposeEvents(doc, {
        ...(verbFiles.length ? { patterns: loadPatternsWith(verbFiles) } : {}),
        ...(doc.has('times') ? { eventDate } : {}),
        ...(doc.has('places') ? { eventPlace } : {}),
        ...eventContext,
        maxSentenceTokens: typeof options.maxSentenceTokens === 'number' ? options.maxSentenceTokens : undefined,
      });
      doc.set('events', toEvents(proposals));
      const relations: Relation[] = proposeRelations(doc, proposals).map(({ rule, ...r }) => ({ ...r, provenance: { stage: 'events', rule } }));
      doc.set('relations', relations);
    },
  };
}
