import { describe, expect, it } from 'vitest';
import type { Analysis } from '../src/contract.js';
import { runCli } from './cli-helpers.js';

describe('newsgraph analyze on the sample column', () => {
  it('--json gives the document facts of the acceptance example', async () => {
    const r = await runCli(['analyze', '--json', 'samples/putin-assad-column.txt']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const a = JSON.parse(r.stdout) as Analysis;
    const { text, parts, contentHash, genreCues, ...doc } = a.document;
    expect(a.schema).toBe('newsgraph.analysis/1');
    expect(doc).toEqual({
      id: '1.2011006-4012467280',
      source: 'samples/putin-assad-column.txt',
      title: null,
      date: '2017-04-11',
      dateSource: 'caption',
      authors: ['Con Coughlin'],
      outlet: 'The Telegraph',
      genre: 'opinion',
      caption:
        'Russian President Vladimir Putin reacts during a joint press conference with Italian counterpart Sergio Mattarella after a meeting in Moscow’s Kremlin, Russia, Tuesday, April 11, 2017. Sergio Mattarella is in Russia on an official visit.',
      imageCredit: 'AP',
      copyright: 'The Telegraph Group Limited, London 2017',
      language: 'en',
    });
    expect(text.startsWith('Russian President Vladimir Putin reacts')).toBe(true);
    expect(text).toContain('Moscow’s Kremlin');
    expect(text).not.toContain('Moscowís');
    expect(text.endsWith('Con Coughlin is the Telegraph’s defence editor and chief foreign affairs columnist.')).toBe(true);
    expect(contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(genreCues).toContain('bio-line');
    expect(parts!.map((p) => p.kind).filter((k) => k !== 'paragraph')).toEqual(['caption', 'credit', 'credit', 'copyright', 'bio']);
    expect(a.diagnostics.filter((d) => d.code === 'NG_MOJIBAKE_REPAIRED')).toEqual([
      { code: 'NG_MOJIBAKE_REPAIRED', message: 'repaired “Moscowís” → “Moscow’s” (cp1252-as-macroman)', stage: 'normalize', start: 134, end: 142 },
    ]);
    expect(text.slice(134, 142)).toBe('Moscow’s');
    // Sentences: spans into the text, never across a paragraph break, the first one the caption's.
    expect(a.sentences.length).toBeGreaterThan(25);
    expect(a.sentences[0]).toEqual({ start: 0, end: 184 });
    expect(text.slice(a.sentences[0]!.start, a.sentences[0]!.end)).toBe(
      'Russian President Vladimir Putin reacts during a joint press conference with Italian counterpart Sergio Mattarella after a meeting in Moscow’s Kremlin, Russia, Tuesday, April 11, 2017.',
    );
    for (const s of a.sentences) expect(text.slice(s.start, s.end)).not.toContain('\n\n');
  });

  it('prints a readable report by default (no colour when not a TTY)', async () => {
    const r = await runCli(['analyze', 'samples/putin-assad-column.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\x1b[');
    const head = r.stdout.split('\n').slice(0, 5);
    expect(head).toEqual([
      'Document 1.2011006-4012467280',
      '  date          2017-04-11 (from caption)',
      '  authors       Con Coughlin',
      '  outlet        The Telegraph',
      '  genre         opinion (bio-line, columnist-word, argument-phrases×10)',
    ]);
    expect(r.stdout).toContain('\nStructure (6)\n  caption     0-237      Russian President');
    expect(r.stdout).toContain('\n  credit      275-291    Image Credit: AP\n');
  });

  it('--date overrides the document date', async () => {
    const r = await runCli(['analyze', '--json', '--date', '2017-04-12', 'samples/putin-assad-column.txt']);
    const d = (JSON.parse(r.stdout) as Analysis).document;
    expect([r.code, d.date, d.dateSource]).toEqual([0, '2017-04-12', 'argument']);
  });

  it('--help lists the options and exit codes', async () => {
    const r = await runCli(['analyze', '--help']);
    expect(r.code).toBe(0);
    for (const s of ['--json', '--jsonl', '--date <YYYY-MM-DD>', '--max-bytes <n>', '--actors <file...>', 'Exit codes:', '3  the text']) {
      expect(r.stdout).toContain(s);
    }
  });
});
