import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.js';
import { detectPetrarchKind, PETRARCH_IMPORTERS } from '../cli/commands/dictionaries.js';
import { evalDataPath } from '../paths.js';
import { readVerbRows, verbRowsTsv, type TriggerPattern } from './patterns.js';
import { importPetrarchDiscards, importPetrarchVerbs } from './petrarch.js';

/** A hand-written PETRARCH verbs dictionary: a block, a synset, a pattern with "+" after words, a paired code. */
const FIXTURE = [
  '&PAYMENT',
  '+DOLLARS',
  '+AUSTRIAN_FLORIN',
  '',
  '--- EXCORIATE [111] ---',
  'EXCORIATE',
  '- * OVER &PAYMENT [112]',
  '',
  '--- HOBNOB [031:031] ---',
  'HOBNOB',
  '- * AT ^ WITH + [043]',
  '- * IN ^ + [044]',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'ng-verbs-'));
const comparable = (p: TriggerPattern): unknown => ({ ...p, id: undefined, entry: undefined, flags: [...p.flags].sort() });

describe('PETRARCH verb dictionaries', () => {
  it('imports blocks, synsets as alternatives, "+" slots and paired codes', () => {
    const rows = importPetrarchVerbs(FIXTURE, 'fixture.txt').map((p) => [p.lemma, p.code, [...p.flags].join(','), p.sequence ?? [], p.slots ?? null]);
    expect(rows).toEqual([
      ['excoriate', '111', 'external', [], null],
      ['excoriate', '112', 'external', ['over', 'dollars|austrian florin'], null],
      ['hobnob', '031', 'external,reverse:031', [], null],
      ['hobnob', '043', 'external', ['at', 'with'], { target: 'after' }],
      ['hobnob', '044', 'external', ['in'], { target: 'after', skip: 1 }],
    ]);
  });

  it('writes the format of data/events/verbs.tsv and reads it back unchanged', () => {
    const patterns = importPetrarchVerbs(FIXTURE, 'fixture.txt');
    const file = join(dir, 'fixture.tsv');
    writeFileSync(file, verbRowsTsv(patterns, 'fixture.txt'));
    expect(readVerbRows(file, file).map(comparable)).toEqual(patterns.map(comparable));
  });

  it('`dictionaries import petrarch` detects a verbs file and writes the TSV', () => {
    expect(detectPetrarchKind(FIXTURE, 'PETR.Validate.verbs.txt')).toBe('verbs');
    const result = PETRARCH_IMPORTERS.verbs!(FIXTURE, 'fixture.txt', false);
    expect(result.text).toBe(verbRowsTsv(importPetrarchVerbs(FIXTURE, 'fixture.txt'), 'fixture.txt'));
    expect(result.text!.split('\n').filter((l) => l && !l.startsWith('#'))[1]).toBe('excoriate\t\t\t111\tobj|prep:with,to,against,on,between,toward,towards,in,for,from,at,into,of,over,about\texternal\texcoriate\t\t');
  });

  it('analyze with verbFiles codes the user verb (and its more specific pattern)', () => {
    const file = join(dir, 'user.tsv');
    writeFileSync(file, verbRowsTsv(importPetrarchVerbs(FIXTURE, 'fixture.txt'), 'fixture.txt'));
    const plain = analyze('Russia excoriated Israel on Monday.');
    const a = analyze('Russia excoriated Israel on Monday.', { verbFiles: [file] });
    const b = analyze('Russia excoriated Israel over dollars on Monday.', { verbFiles: [file] });
    const triple = (x: typeof a): string[] => x.events.map((e) => `${x.entities.find((n) => n.id === e.source)?.kb?.cameo} ${e.code} ${x.entities.find((n) => n.id === e.target)?.kb?.cameo} ${e.trigger.text} ${e.provenance?.entry}`);
    expect(triple(plain)).toEqual([]);
    expect(triple(a)).toEqual([`RUS 111 ISR excoriated ${file}:7`]);
    expect(triple(b)).toEqual([`RUS 112 ISR excoriated ${file}:8`]);
  });

  it('reads discards: "+" discards the story, plain phrases the sentence', () => {
    expect(importPetrarchDiscards('# c\n+World_Golf Championships  # x\nBASEBALL\n')).toEqual({ story: ['world golf championships'], sentence: ['baseball'] });
  });

  const petr = evalDataPath('petrarch2', 'PETR.Validate.verbs.txt');
  it.skipIf(!existsSync(petr))('round-trips PETR.Validate.verbs.txt through the TSV format', () => {
    const patterns = importPetrarchVerbs(readFileSync(petr, 'utf8'), 'PETR.Validate.verbs.txt');
    const file = join(dir, 'petr.tsv');
    writeFileSync(file, verbRowsTsv(patterns, 'PETR.Validate.verbs.txt'));
    expect(patterns.length).toBeGreaterThan(600);
    expect(readVerbRows(file, file).map(comparable)).toEqual(patterns.map(comparable));
  });
});
