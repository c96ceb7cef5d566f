/**
 * Mojibake repair: text whose bytes were decoded with the wrong character set.
 *
 * Hand-written because no maintained npm package does this (ftfy is Python-only); the approach is
 * ftfy's: re-encode a suspicious run with the charset it was wrongly decoded with, decode it with
 * the charset it was written in, and keep the result only when it is clearly better.
 *
 * Handled confusions:
 * - UTF-8 read as Windows-1252 or Latin-1 ("Ã©" → "é", "â€™" → "’"), also applied twice;
 * - UTF-8 read as Mac Roman ("‚Äô" → "’", "√©" → "é");
 * - Windows-1252 read as Latin-1 (C1 control characters → "’", "—"...);
 * - Windows-1252 read as Mac Roman ("Moscowís" → "Moscow’s"): the weakest signal, accepted only
 *   where the result is typographic punctuation in its usual place (an apostrophe inside a word,
 *   an opening quote before a word...) and such words are most of the document's accented words.
 */

/** One repaired run: where it is in the repaired text and what it was. */
export interface Repair {
  start: number;
  end: number;
  from: string;
  to: string;
  kind: 'utf8-as-cp1252' | 'utf8-as-macroman' | 'cp1252-as-latin1' | 'cp1252-as-macroman';
}

import { cp1252Char } from './cp1252.js';

type Codec = { encode: Map<string, number>; decode: string[] };

function codec(label: 'windows-1252' | 'macintosh'): Codec {
  const decoder = new TextDecoder(label);
  const decode: string[] = [];
  const encode = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = label === 'windows-1252' ? cp1252Char(b) : decoder.decode(Uint8Array.of(b));
    decode.push(ch);
    if (b >= 0x80 && !encode.has(ch)) encode.set(ch, b);
  }
  return { encode, decode };
}

let tables: { cp1252: Codec; mac: Codec } | undefined;
function codecs() {
  if (!tables) {
    const cp1252 = codec('windows-1252');
    // Latin-1 reading: C1 controls stand for the bytes themselves.
    for (let b = 0x80; b <= 0x9f; b++) if (!cp1252.encode.has(String.fromCharCode(b))) cp1252.encode.set(String.fromCharCode(b), b);
    tables = { cp1252, mac: codec('macintosh') };
  }
  return tables;
}

/** Code points a repaired UTF-8 sequence may produce from a Windows-1252 reading (letters and punctuation of real text). */
const PLAUSIBLE_WIDE = /^[\u00a0-\u052f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u1e00-\u1eff\u2000-\u214f\u2190-\u22ff\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]$|^\p{Extended_Pictographic}$/u;
/** From a Mac Roman reading only Western characters count: Mac Roman punctuation followed by a letter is common in real text. */
const PLAUSIBLE_WESTERN = /^[\u00a0-\u017f\u2010-\u206f\u20ac\u2122]$/u;

/**
 * Re-encodes each char of `run` with `table` and decodes valid UTF-8 multi-byte sequences back,
 * keeping chars that do not form one. Returns null when nothing changed.
 */
function redecodeUtf8(run: string, table: Codec, plausible: RegExp): string | null {
  const bytes: number[] = [];
  for (const ch of run) {
    const b = table.encode.get(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  const chars = [...run];
  let out = '';
  let changed = false;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len && i + len <= bytes.length) {
      const seq = bytes.slice(i, i + len);
      if (seq.slice(1).every((c) => (c & 0xc0) === 0x80)) {
        try {
          const ch = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(seq));
          if (plausible.test(ch)) {
            out += ch;
            i += len;
            changed = true;
            continue;
          }
        } catch {
          // overlong or surrogate: not UTF-8
        }
      }
    }
    out += chars[i];
    i++;
  }
  return changed ? out : null;
}

function charClass(table: Codec): string {
  return [...table.encode.keys()].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

let patterns: { cp1252Run: RegExp; macRun: RegExp } | undefined;
function runPatterns() {
  if (!patterns) {
    const { cp1252, mac } = codecs();
    patterns = {
      cp1252Run: new RegExp(`[${charClass(cp1252)}]{2,}`, 'g'),
      macRun: new RegExp(`[${charClass(mac)}]{2,}`, 'g'),
    };
  }
  return patterns;
}

/** Typographic punctuation that Windows-1252 has at 0x80–0x9F and Mac Roman shows as letters. */
const TYPOGRAPHIC = new Set(['’', '‘', '“', '”', '–', '—', '…']);
const ASCII_LETTER = /[A-Za-z]/;

/**
 * Whether an apostrophe fits between `before` and `after` as in English: a contraction or
 * possessive ("Moscow’s", "don’t", "it’s", "countries’"). Two-letter stems other than the
 * pronouns are refused: "país" and "Luís" are words, not "pa’s".
 */
function apostropheFits(before: string, after: string): boolean {
  const stem = /[A-Za-z]+$/.exec(before)?.[0] ?? '';
  if (!stem || (stem.length < 3 && !/^(?:I|it|he|we|It|He|We)$/.test(stem))) return false;
  return /^(?:s|t|re|ve|ll|d|m)$/.test(after) || (!after && /s$/.test(stem));
}

/**
 * Where a Windows-1252 → Mac Roman swap of `token` gives typographic punctuation in its usual place;
 * null when it does not.
 */
function macRomanPunctuation(token: string, cp1252: Codec, mac: Codec): string | null {
  const chars = [...token];
  let out = '';
  let changed = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const b = mac.encode.get(c);
    const swapped = b !== undefined ? cp1252.decode[b]! : undefined;
    if (!swapped || !TYPOGRAPHIC.has(swapped)) {
      if (/\p{L}/u.test(c) && !ASCII_LETTER.test(c)) return null; // other accented letters: a real non-English word
      out += c;
      continue;
    }
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    const ok =
      swapped === '’' ? apostropheFits(chars.slice(0, i).join(''), chars.slice(i + 1).join(''))
      : swapped === '‘' || swapped === '“' ? !prev && /[A-Za-z0-9]/.test(next)
      : swapped === '”' ? !next || /[.,;:!?)]/.test(next)
      : swapped === '…' ? !next || /[\s"”)]/.test(next)
      : (/[0-9]/.test(prev) && /[0-9]/.test(next)) || (!prev && !next);
    if (!ok) return null;
    out += swapped;
    changed++;
  }
  return changed ? out : null;
}

/**
 * Repairs mis-decoded characters in `text` and says what it changed. General, not sample-specific:
 * see the module comment for the confusions handled and how each is guarded against false repairs.
 *
 * @example
 *   repairMojibake('CafÃ© in Moscowís Kremlin').text; // 'Café in Moscow’s Kremlin'
 */
export function repairMojibake(text: string): { text: string; repairs: Repair[] } {
  if (!/[\u0080-\uffff]/.test(text)) return { text, repairs: [] };
  const { cp1252, mac } = codecs();
  const { cp1252Run, macRun } = runPatterns();
  const edits: Array<{ from: string; to: string; kind: Repair['kind'] }> = [];
  let out = text;
  // Twice: UTF-8 encoded twice shows as mojibake of mojibake.
  for (let pass = 0; pass < 2; pass++) {
    let changed = false;
    out = out.replace(cp1252Run, (run) => {
      const fixed = redecodeUtf8(run, cp1252, PLAUSIBLE_WIDE);
      if (fixed === null) return run;
      changed = true;
      edits.push({ from: run, to: fixed, kind: 'utf8-as-cp1252' });
      return fixed;
    });
    if (!changed) break;
  }
  out = out.replace(macRun, (run) => {
    const fixed = redecodeUtf8(run, mac, PLAUSIBLE_WESTERN);
    if (fixed === null || fixed.length >= run.length) return run;
    edits.push({ from: run, to: fixed, kind: 'utf8-as-macroman' });
    return fixed;
  });
  out = out.replace(/[\u0080-\u009f]+/g, (run) => {
    const fixed = [...run].map((c) => cp1252.decode[c.charCodeAt(0)]!).join('');
    if (fixed === run) return run;
    edits.push({ from: run, to: fixed, kind: 'cp1252-as-latin1' });
    return fixed;
  });
  out = repairMacRomanPunctuation(out, cp1252, mac, edits);
  return { text: out, repairs: locate(out, edits) };
}

function repairMacRomanPunctuation(
  text: string, cp1252: Codec, mac: Codec, edits: Array<{ from: string; to: string; kind: Repair['kind'] }>,
): string {
  const tokens = text.match(/\S*[^\x00-\x7f]\S*/g) ?? [];
  const accented = tokens.filter((t) => /[^\x00-\x7f]/u.test(t) && /[\p{L}]/u.test(t.replace(/[\x00-\x7f]/g, '')));
  if (!accented.length) return text;
  const fixes = new Map<string, string>();
  for (const t of accented) {
    const core = t.replace(/^[("'[]+|[)"'\],.;:!?]+$/g, '');
    const fixed = macRomanPunctuation(core, cp1252, mac);
    if (fixed) fixes.set(core, fixed);
  }
  // Clearly better only when the swap explains most accented words, or accented words are rare
  // (an English text naming "Erdoğan"): a Spanish text keeps its "país".
  const explained = accented.filter((t) => [...fixes.keys()].some((k) => t.includes(k))).length;
  const words = text.match(/\S+/g)?.length ?? 1;
  const rare = (accented.length - explained) / words < 0.03;
  if (!fixes.size || (explained * 2 < accented.length && !rare)) return text;
  let out = text;
  for (const [from, to] of fixes) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(from)}(?![\\p{L}\\p{N}])`, 'gu'), () => {
      edits.push({ from, to, kind: 'cp1252-as-macroman' });
      return to;
    });
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds each repaired run in the final text, in order of appearance. */
function locate(text: string, edits: Array<{ from: string; to: string; kind: Repair['kind'] }>): Repair[] {
  const out: Repair[] = [];
  const cursor = new Map<string, number>();
  for (const e of edits) {
    const from = cursor.get(e.to) ?? 0;
    const at = text.indexOf(e.to, from);
    if (at < 0) continue; // changed again by a later pass; the later edit is reported
    cursor.set(e.to, at + e.to.length);
    out.push({ start: at, end: at + e.to.length, from: e.from, to: e.to, kind: e.kind });
  }
  return out.sort((a, b) => a.start - b.start);
}
