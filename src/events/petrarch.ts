import { NewsgraphError } from '../errors.js';
import type { TriggerPattern } from './patterns.js';

/**
 * Reads a PETRARCH/TABARI CAMEO verb dictionary into newsgraph trigger patterns, so users' existing
 * dictionaries work. Understood: synsets (`&NAME` with `+WORD` members, nested), blocks
 * (`--- VERB [code] ---`), verb lines with forms (`BAN {BANS BANNED}`), extra verbs in a block
 * (`+BREAK_DOWN`), and patterns (`- PRE * POST [code]`, `*` the verb, `$` source, `+` target, `%` compound,
 * `_` joins words). Paired codes `[032:033]` give the event and its reverse. `[---]` codes nothing.
 * What is not expressible in newsgraph's shallow matcher (word order between `$`/`+` markers) is relaxed:
 * words before `*` must occur before the verb in the clause, words after it in order after the verb.
 *
 * @example
 *   importPetrarchVerbs('--- CONDEMN [122] ---\nCONDEMN\n- JOIN IN * [122]\n', 'verbs.txt');
 *   // [{ lemma: 'condemn', code: '122', ... }, { lemma: 'condemn', preceding: ['join', 'in'], code: '122', ... }]
 */
export function importPetrarchVerbs(text: string, file: string): TriggerPattern[] {
  const lines = text.split('\n');
  const synsets = new Map<string, string[]>();
  // first pass: synsets
  let current: string | null = null;
  lines.forEach((raw) => {
    const line = raw.replace(/#.*$/, '').replace(/<!--.*?-->/g, '').trim();
    if (line.startsWith('&')) {
      current = line.split(/\s+/)[0]!.replace(/_$/, '');
      synsets.set(current, []);
    } else if (current && line.startsWith('+')) synsets.get(current)!.push(line.slice(1).trim());
    else if (line) current = null;
  });
  const expand = (member: string, depth = 0): string[] => {
    if (!member.startsWith('&') || depth > 5) return [member];
    const name = member.replace(/_$/, '');
    return (synsets.get(name) ?? []).flatMap((m) => expand(m, depth + 1));
  };
  // the Treebank contractions of PETRARCH's dictionaries, as wink-nlp normalises them ("wo n't" -> "will not")
  const CONTRACTIONS: Record<string, string> = { "n't": 'not', wo: 'will', ca: 'can', "'s": "'s", "'re": 'are' };
  const phrase = (w: string): string => w.toLowerCase().split(/[\s_]+/).filter(Boolean).map((x) => CONTRACTIONS[x] ?? x).join(' ');
  const out: TriggerPattern[] = [];
  let blockCode: string | null = null;
  let verbs: Array<{ lemma: string; particle: string | null; forms: string[] }> = [];
  let inBlock = false;
  const add = (v: { lemma: string; particle: string | null }, code: string, line: number, preceding: string[], sequence: string[], slots?: TriggerPattern['slots']): void => {
    if (!code || code === '---' || !/^[0-9A-Za-z]+(:[0-9A-Za-z]+)?$/.test(code)) return;
    const [main, reverse] = code.split(':');
    out.push({
      id: `petrarch:${v.lemma}${v.particle ? '_' + v.particle : ''}:${code}:${line}`,
      kind: 'verb', lemma: v.lemma, particle: v.particle, words: [], code: main!,
      target: { obj: true, preps: ['with', 'to', 'against', 'on', 'between', 'toward', 'towards', 'in', 'for', 'from', 'at', 'into', 'of', 'over', 'about'], governor: false },
      flags: new Set(['external', ...(reverse ? [`reverse:${reverse}`] : [])]),
      label: v.lemma, entry: `${file}:${line}`,
      ...(preceding.length ? { preceding } : {}), ...(sequence.length ? { sequence } : {}),
      ...(slots && Object.keys(slots).length ? { slots } : {}),
    });
  };
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/#.*$/, '').replace(/<!--.*?-->/g, '').trim();
    if (!line) return;
    const head = /^---\s*(.+?)\s*\[([^\]]*)\].*---$/.exec(line);
    if (head) {
      blockCode = head[2]!.trim();
      verbs = [];
      inBlock = true;
      return;
    }
    if (!inBlock || line.startsWith('&')) {
      if (line.startsWith('&')) inBlock = false;
      return;
    }
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]/.exec(line);
      if (!m) return;
      // words joined by "_" must be adjacent ("NEW_&TIETYPES_RELATIONS"); words separated by spaces may have
      // others between them ("IMPROVED &TIETYPES RELATIONS" matches "improved global economic relations")
      const words = m[1]!.replace(/_?\*_?/g, ' * ').split(/\s+/).filter(Boolean);
      const star = words.indexOf('*');
      // a chunk becomes one element listing its alternatives: "&CURRENCY" -> "dollars|euros|austrian florin"
      const element = (chunk: string): string => {
        let alts = [''];
        for (const part of chunk.split('_').filter(Boolean)) {
          const options = part.startsWith('&') ? expand(part).map(phrase) : [phrase(part)];
          alts = alts.flatMap((a) => options.map((o) => `${a} ${o}`.trim())).slice(0, 500);
        }
        return alts.filter(Boolean).join('|');
      };
      const clean = (ws: string[]): string[] => ws.filter((w) => !['$', '+', '%', '^', '*'].includes(w)).map(element).filter(Boolean);
      const pre = star >= 0 ? clean(words.slice(0, star)) : [];
      const post = star >= 0 ? clean(words.slice(star + 1)) : clean(words);
      const before = star >= 0 ? words.slice(0, star) : [];
      const afterStar = star >= 0 ? words.slice(star + 1) : words;
      const slots: NonNullable<TriggerPattern['slots']> = {};
      // "+" after a literal word: the target follows those words; "+" before the verb: the subject is the target
      if (afterStar.includes('+') && post.length) {
        slots.target = 'after';
        // "- * IFTAR AT ^ ^ + [044]": "^" skips a noun phrase before the target
        let skip = 0;
        for (let k = afterStar.indexOf('+') - 1; k >= 0 && afterStar[k] === '^'; k--) skip++;
        if (skip) slots.skip = skip;
      }
      if (before.includes('+')) slots.target = 'subject';
      if (afterStar.includes('$') && post.length) slots.source = 'after';
      if (before.includes('%')) slots.compound = true;
      for (const v of verbs) add(v, m[2]!.trim(), lineNo, pre, post, slots);
      return;
    }
    // verb line: WORD [code] {forms}, or +WORD (another verb of the block)
    const vm = /^\+?([A-Z][A-Z0-9_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line);
    if (!vm) return;
    const parts = vm[1]!.replace(/_+$/, '').toLowerCase().split('_').filter(Boolean);
    const v = { lemma: parts[0]!, particle: parts[1] ?? null, forms: vm[2] ? vm[2].slice(1, -1).trim().split(/\s+/) : [] };
    verbs.push(v);
    const code = vm[3] ? vm[3].slice(1, -1).trim() : blockCode;
    if (code) add(v, code, lineNo, [], []);
  });
  if (!out.length) throw new NewsgraphError('NG_DATA', file, 'no verb patterns found; is this a PETRARCH verb dictionary?');
  return out;
}

/** Discard phrases of a PETRARCH discards dictionary: `+PHRASE` discards the story, `PHRASE` the sentence. */
export interface Discards {
  story: string[];
  sentence: string[];
}

/**
 * Reads a PETRARCH discards dictionary: text mentioning sports or weather ("BASEBALL", "+TYPHOON")
 * is not event-coded, so that "Arnor beat Gondor" in a match report is not an assault.
 *
 * @example
 *   importPetrarchDiscards('+TYPHOON\nBASEBALL # x\n'); // { story: ['typhoon'], sentence: ['baseball'] }
 */
export function importPetrarchDiscards(text: string): Discards {
  const out: Discards = { story: [], sentence: [] };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const phrase = line.replace(/^\+/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').toLowerCase();
    (line.startsWith('+') ? out.story : out.sentence).push(phrase);
  }
  return out;
}
