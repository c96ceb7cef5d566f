import { existsSync, readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { createActorsStage } from '../../actors/index.js';
import { Doc } from '../../document/doc.js';
import { actorSpans, proposeEvents, type EventProposal } from '../../events/coder.js';
import { composeActorCode, loadAgents, type AgentIndex } from '../../events/agents.js';
import { indexPatterns, type PatternIndex } from '../../events/patterns.js';
import { importPetrarchDiscards, importPetrarchVerbs, type Discards } from '../../events/petrarch.js';
import { ActorKb } from '../../kb/index.js';
import { importPetrarchActors, importPetrarchAgents } from '../../kb/petrarch.js';
import { tokensStage } from '../../nlp/index.js';
import { evalDataPath } from '../../paths.js';
import type { Stage } from '../../pipeline/stage.js';
import { f3, prf, type EvalSuite } from '../suite.js';

/** One PETRARCH unit-test record with what newsgraph coded for it. */
export interface RecordResult {
  id: string;
  category: string;
  text: string;
  /** `source|target|code` triples the record expects. */
  expected: string[];
  /** `source|target|code` triples newsgraph coded. */
  got: string[];
  /** The coded events behind `got` (rule, trigger) for failure analysis. */
  events: Array<EventProposal & { sourceCode: string | null; targetCode: string | null }>;
  /** The config options in force for this record (`require_dyad`, ...). */
  config: Record<string, string>;
  /** The record is marked `sentence="false"` (PETRARCH does not code it as a sentence). */
  skipped: boolean;
}

interface Dictionaries {
  verbs: PatternIndex;
  actors: Stage;
  agents: AgentIndex;
  kb: ActorKb;
  discards: Discards;
}

/** The actor's code on the record's date: a date-bounded code valid then wins over the undated default. */
function codeOn(kb: ActorKb, id: string | undefined, fallback: string | null, date: string | null): string | null {
  const a = id ? kb.get(id) : undefined;
  if (!a || !date) return fallback;
  const hit = (a.codes ?? []).find((c) => (c.from || c.to) && (!c.from || c.from <= date) && (!c.to || date <= c.to));
  return hit?.code ?? fallback;
}

function loadDictionaries(dir: string): Dictionaries {
  const verbs = indexPatterns(importPetrarchVerbs(readFileSync(`${dir}/PETR.Validate.verbs.txt`, 'utf8'), 'PETR.Validate.verbs.txt'));
  const kb = new ActorKb(importPetrarchActors(readFileSync(`${dir}/PETR.Validate.actors.txt`, 'utf8'), 'PETR.Validate.actors.txt') as never);
  const agents = loadAgents(importPetrarchAgents(readFileSync(`${dir}/PETR.Validate.agents.txt`, 'utf8'), 'PETR.Validate.agents.txt'));
  const discards = importPetrarchDiscards(readFileSync(`${dir}/PETR.Validate.discards.txt`, 'utf8'));
  return { verbs, actors: createActorsStage({ kb }), agents, kb, discards };
}

/** Element names in document order with their attributes: `<Config>` options apply to the records after them. */
type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Codes every record of PETRARCH's unit-test file from its sentence text with the file's own
 * PETR.Validate dictionaries, honouring the `<Config>` options (`require_dyad`) in force at each record.
 *
 * @example
 *   const results = codePetrarchRecords(evalDataPath('petrarch2')); // 284 RecordResult
 */
export function codePetrarchRecords(dir: string): RecordResult[] {
  const dict = loadDictionaries(dir);
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, commentPropName: '#comment' });
  const tree = xml.parse(readFileSync(`${dir}/PETR.UnitTest.records.xml`, 'utf8')) as Node[];
  const validation = (tree.find((n) => 'Validation' in n)!.Validation as Node[]);
  const sentences = (validation.find((n) => 'Sentences' in n)!.Sentences as Node[]);
  const config: Record<string, string> = {};
  const out: RecordResult[] = [];
  for (const node of sentences) {
    if ('Config' in node) {
      const a = node[':@'] ?? {};
      if (a.option) config[a.option] = String(a.value ?? '').toLowerCase();
      continue;
    }
    if (!('Sentence' in node)) continue;
    const attrs = node[':@'] ?? {};
    const children = node.Sentence as Node[];
    const textNode = children.find((c) => 'Text' in c);
    const text = String(((textNode?.Text as Node[] | undefined)?.[0]?.['#text']) ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const expected = children
      .filter((c) => 'EventCoding' in c)
      .map((c) => c[':@'] ?? {})
      .filter((e) => e.eventcode)
      .map((e) => `${e.sourcecode}|${e.targetcode}|${e.eventcode}`);
    const d = String(attrs.date ?? '');
    const doc = new Doc({ id: String(attrs.id), text, language: 'en', date: d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}` : null });
    const events: RecordResult['events'] = [];
    const requireDyad = config.require_dyad !== 'false';
    try {
      tokensStage.run(doc, { options: {}, analysis: {} });
      dict.actors.run(doc, { options: {}, analysis: {} });
      const cameo = new Map(doc.get('entities').map((e) => [e.id, codeOn(dict.kb, e.kb?.id, e.kb?.cameo ?? null, doc.info.date ?? null)]));
      const byToken = new Map<number, string>();
      for (const a of actorSpans(doc)) {
        const c = cameo.get(a.entity);
        if (c) for (let i = a.from; i < a.to; i++) byToken.set(i, c);
      }
      const codeAt = (i: number): string | null => byToken.get(i) ?? null;
      const code = (entity: string | null, tokens: [number, number] | null): string | null => {
        const c = entity ? cameo.get(entity) ?? null : null;
        return tokens ? composeActorCode(doc, dict.agents, codeAt, tokens[0], tokens[1]) ?? c : c;
      };
      for (const e of proposeEvents(doc, { patterns: dict.verbs, requireDyad, agentHeads: dict.agents.heads, discards: dict.discards })) {
        events.push({ ...e, sourceCode: code(e.source, e.sourceTokens), targetCode: code(e.target, e.targetTokens) });
      }
    } catch (err) {
      // a crash counts as no output (NG_DEBUG=1 prints it)
      if (process.env.NG_DEBUG) console.error(attrs.id, err);
    }
    const got = new Set<string>();
    for (const e of events) {
      if (e.sourceCode && e.targetCode) got.add(`${e.sourceCode}|${e.targetCode}|${e.code}`);
      else if (!requireDyad && (e.sourceCode || e.targetCode)) got.add(`${e.sourceCode ?? '---'}|${e.targetCode ?? '---'}|${e.code}`);
    }
    out.push({ id: String(attrs.id), category: String(attrs.category ?? ''), text, expected: [...new Set(expected)], got: [...got], events, config: { ...config }, skipped: attrs.sentence === 'false' });
  }
  return out;
}

/** Whether a record passes: its coded triple set equals the expected set. */
export function recordPasses(r: RecordResult): boolean {
  return r.expected.length === r.got.length && r.expected.every((x) => r.got.includes(x));
}

/**
 * PETRARCH2's unit-test records, coded from the sentence text with the records' own PETR.Validate dictionaries.
 * A record passes when the set of (source, target, code) triples equals the expected set (all present, no extras).
 */
const suite: EvalSuite = {
  name: 'events',
  description: 'PETRARCH2 unit-test records (284) with PETR.Validate dictionaries: records passed, triple P/R',
  async run() {
    const dir = evalDataPath('petrarch2');
    if (!existsSync(`${dir}/PETR.UnitTest.records.xml`)) return { skipped: `${dir}/PETR.UnitTest.records.xml not found` };
    const results = codePetrarchRecords(dir);
    let passed = 0, tp = 0, fp = 0, fn = 0;
    const byCategory = new Map<string, { n: number; passed: number }>();
    for (const r of results) {
      const ok = recordPasses(r);
      if (ok) passed++;
      for (const x of r.got) if (r.expected.includes(x)) tp++; else fp++;
      for (const x of r.expected) if (!r.got.includes(x)) fn++;
      const c = byCategory.get(r.category) ?? { n: 0, passed: 0 };
      c.n++;
      if (ok) c.passed++;
      byCategory.set(r.category, c);
    }
    const { p, r, f1 } = prf(tp, fp, fn);
    return {
      table: [
        ['system', 'records passed', 'of', 'triple P', 'triple R', 'F1'],
        ['newsgraph (text only)', passed, results.length, f3(p), f3(r), f3(f1)],
        ['PETRARCH2 (reported)', 89, 284, '0.520', '0.330', '0.404'],
      ],
      notes: [
        'A record passes when its coded (source, target, code) set equals the expected set exactly; actor codes are composed with PETR.Validate.agents (country + agent: ISR + ~MIL = ISRMIL); <Config> options (require_dyad) apply to the records after them.',
        'By category (passed/records): ' + [...byCategory].map(([k, v]) => `${k} ${v.passed}/${v.n}`).join(', '),
      ],
    };
  },
};
export default suite;
