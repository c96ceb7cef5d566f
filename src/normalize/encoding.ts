import { NewsgraphError } from '../errors.js';
import { decodeCp1252 } from './cp1252.js';

/** Encodings {@link decodeBytes} recognises. */
/** Detected encodings; a declared charset Node supports is reported by its label. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1' | (string & {});

/** Text decoded from bytes, and how. */
export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Whether the input started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/**
 * Decodes the bytes of a text file, detecting the encoding: a byte-order mark (UTF-8, UTF-16 LE/BE),
 * the NUL pattern of BOM-less UTF-16, valid UTF-8, then the single-byte encodings (Windows-1252
 * when bytes 0x80–0x9F are its printable characters, Latin-1 otherwise).
 * When the bytes are not valid UTF-8 and the source declared a charset (`declared`, from an HTTP header or
 * `<meta charset>`), that charset is used if Node knows it.
 * Throws `NG_INPUT_BINARY` for binary data and `NG_INPUT_ENCODING` for UTF-8 cut short or broken
 * in the middle of text that is otherwise UTF-8 (a legacy encoding would only hide the damage).
 *
 * @example
 *   decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), 'a.txt'); // { text: 'hi', encoding: 'utf-8', bom: true }
 */
export function decodeBytes(bytes: Uint8Array, name: string, declared?: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), name), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  const utf16Guess = utf16ByNuls(bytes);
  if (utf16Guess) return { text: utf16(bytes, utf16Guess), encoding: utf16Guess, bom: false };
  if (looksBinary(bytes)) throw new NewsgraphError('NG_INPUT_BINARY', name, 'input looks binary (NUL or control bytes), not text');
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'utf-8', bom: false };
  const problem = utf8Problem(bytes);
  if (!problem) return { text: utf8(bytes, name), encoding: 'utf-8', bom: false };
  // Not UTF-8: a charset the source declared (HTTP header, <meta charset>) says how to read it.
  const fromDeclared = declared ? decodeDeclared(bytes, declared) : null;
  if (fromDeclared) return fromDeclared;
  if (problem.validMultibyte > 0) {
    throw new NewsgraphError(
      'NG_INPUT_ENCODING',
      name,
      problem.truncated
        ? `truncated UTF-8: the input ends inside a multi-byte character (byte ${problem.at}); the file looks cut short`
        : `invalid UTF-8 at byte ${problem.at} in otherwise UTF-8 text`,
    );
  }
  // No valid multi-byte sequence anywhere: a single-byte legacy encoding.
  const cp1252 = hasCp1252Printables(bytes);
  const text = cp1252
    ? decodeCp1252(bytes)
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return { text, encoding: cp1252 ? 'windows-1252' : 'latin1', bom: false };
}

function decodeDeclared(bytes: Uint8Array, label: string): Decoded | null {
  const l = label.trim().toLowerCase();
  if (/^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin1|l1|us-ascii|ascii)$/.test(l)) {
    return { text: decodeCp1252(bytes), encoding: 'windows-1252', bom: false }; // WHATWG reads all these as 1252
  }
  if (/^utf-?8$/.test(l)) return null;
  try {
    return { text: new TextDecoder(l).decode(bytes), encoding: l as Encoding, bom: false };
  } catch {
    return null; // unknown label: fall back to detection
  }
}

/**
 * The charset an HTML page declares in its first 2 KB (`<meta charset>` or `http-equiv` content type),
 * or undefined.
 *
 * @example
 *   sniffHtmlCharset(Buffer.from('<meta charset="windows-1251">')); // 'windows-1251'
 */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1];
}

function utf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const p = utf8Problem(bytes);
    throw new NewsgraphError('NG_INPUT_ENCODING', name, `invalid UTF-8 at byte ${p?.at ?? 0}`);
  }
}

function utf16(bytes: Uint8Array, enc: 'utf-16le' | 'utf-16be'): string {
  return new TextDecoder(enc, { ignoreBOM: true }).decode(bytes);
}

/** BOM-less UTF-16 of mostly-Latin text has NUL in every other byte. */
function utf16ByNuls(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.4 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.4 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes, or many control bytes other than whitespace, mean the input is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.02;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** Windows-1252 defines 27 printable characters at 0x80–0x9F (curly quotes, dashes, €) where Latin-1 has controls. */
function hasCp1252Printables(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80 && b <= 0x9f && b !== 0x81 && b !== 0x8d && b !== 0x8f && b !== 0x90 && b !== 0x9d) return true;
  }
  return false;
}

/**
 * Finds the first invalid UTF-8 sequence (hand-written because TextDecoder only says "invalid",
 * not where or why). `truncated` means the input ends inside a character.
 */
export function utf8Problem(bytes: Uint8Array): { at: number; truncated: boolean; validMultibyte: number } | null {
  let validMultibyte = 0;
  let first: { at: number; truncated: boolean } | null = null;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0;
    for (let k = 1; ok && k < len; k++) {
      if (i + k >= bytes.length) {
        first ??= { at: i, truncated: true };
        ok = false;
      } else if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      validMultibyte++;
      i += len;
    } else {
      first ??= { at: i, truncated: false };
      i++;
    }
  }
  return first ? { ...first, validMultibyte } : null;
}
