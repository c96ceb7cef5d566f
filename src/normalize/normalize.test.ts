import { describe, expect, it } from 'vitest';
import { NewsgraphError } from '../errors.js';
import { decodeBytes, normalize, normalizeText, repairMojibake } from './index.js';

describe('repairMojibake', () => {
  // [input, expected text, expected kinds]
  const cases: Array<[string, string, string[]]> = [
    ['CafÃ© au lait', 'Café au lait', ['utf8-as-cp1252']],
    ['Itâ€™s done', 'It’s done', ['utf8-as-cp1252']],
    ['â€œQuoteâ€\u009d', '“Quote”', ['utf8-as-cp1252', 'utf8-as-cp1252']],
    ['war â€” again', 'war — again', ['utf8-as-cp1252']],
    ['naÃ¯ve rÃ©sumÃ©', 'naïve résumé', ['utf8-as-cp1252', 'utf8-as-cp1252', 'utf8-as-cp1252']],
    ['Ð¿Ñ€Ð¸Ð²ÐµÑ‚ world', 'привет world', ['utf8-as-cp1252']],
    ['CafÃƒÂ© twice', 'Café twice', ['utf8-as-cp1252']],
    ['Itâ\u0080\u0099s Latin-1', 'It’s Latin-1', ['utf8-as-cp1252']],
    ['caf√© on Mac', 'café on Mac', ['utf8-as-macroman']],
    ['It‚Äôs Mac', 'It’s Mac', ['utf8-as-macroman']],
    ['It\u0092s C1', 'It’s C1', ['cp1252-as-latin1']],
    ['in Moscowís Kremlin', 'in Moscow’s Kremlin', ['cp1252-as-macroman']],
    ['He said ìhelloî to us', 'He said “hello” to us', ['cp1252-as-macroman']],
    ['donít and canít', 'don’t and can’t', ['cp1252-as-macroman', 'cp1252-as-macroman']],
    [
      'Erdoğan met Putin. ' + 'Talks went on. '.repeat(30) + 'Erdoğan left. Ankara’s view and Moscowís view differ.',
      'Erdoğan met Putin. ' + 'Talks went on. '.repeat(30) + 'Erdoğan left. Ankara’s view and Moscow’s view differ.',
      ['cp1252-as-macroman'],
    ],
    // Left alone: correct text that merely looks unusual.
    ['Café, naïve, Moscow’s “Kremlin” — fine', 'Café, naïve, Moscow’s “Kremlin” — fine', []],
    ['el país y también Raúl', 'el país y también Raúl', []],
    ['Ella dijo que el país no cambiará. ' + 'Todo sigue igual. '.repeat(30), 'Ella dijo que el país no cambiará. ' + 'Todo sigue igual. '.repeat(30), []],
    ['itís fine, weíre here', 'it’s fine, we’re here', ['cp1252-as-macroman', 'cp1252-as-macroman']],
    ['die Straße“ und der Fuß', 'die Straße“ und der Fuß', []],
    ['Ölpreis in Düsseldorf', 'Ölpreis in Düsseldorf', []],
    ['Łódź and Kraków', 'Łódź and Kraków', []],
  ];
  it.each(cases)('%j', (input, text, kinds) => {
    const r = repairMojibake(input);
    expect(r.text).toBe(text);
    expect(r.repairs.map((x) => x.kind)).toEqual(kinds);
    for (const rep of r.repairs) expect(r.text.slice(rep.start, rep.end)).toBe(rep.to);
  });
});

describe('normalize', () => {
  it('repairs, normalises whitespace and gives offsets into the normalised text', () => {
    expect(normalize('  in  Moscowís\r\n\r\n\r\nKremlin ')).toEqual({
      text: 'in Moscow’s\n\nKremlin',
      repairs: [{ start: 3, end: 11, from: 'Moscowís', to: 'Moscow’s', kind: 'cp1252-as-macroman' }],
    });
  });
  it.each([
    ['a\u00a0b\u200bc', 'a bc'],
    ['e\u0301', 'é'],
    ['x\u2028y', 'x\ny'],
    ['soft\u00adhyphen', 'softhyphen'],
  ])('normalizeText(%j)', (input, out) => expect(normalizeText(input)).toBe(out));
});

describe('decodeBytes', () => {
  const utf16le = Buffer.from('Hé said', 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const cases: Array<[string, Buffer, string, string]> = [
    ['ascii', Buffer.from('plain'), 'plain', 'utf-8'],
    ['utf-8', Buffer.from('Moscow’s'), 'Moscow’s', 'utf-8'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('hé')]), 'hé', 'utf-8'],
    ['utf-16le BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]), 'Hé said', 'utf-16le'],
    ['utf-16be BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]), 'Hé said', 'utf-16be'],
    ['utf-16le by NULs', utf16le, 'Hé said', 'utf-16le'],
    ['utf-16be by NULs', utf16be, 'Hé said', 'utf-16be'],
    ['windows-1252', Buffer.from([0x49, 0x92, 0x6d, 0x20, 0x63, 0x61, 0x66, 0xe9]), 'I’m café', 'windows-1252'],
    ['latin-1', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'café', 'latin1'],
  ];
  it.each(cases)('%s', (_, bytes, text, encoding) => {
    expect(decodeBytes(bytes, 'x')).toMatchObject({ text, encoding });
  });

  it('uses a declared charset for bytes that are not UTF-8', () => {
    const cyrillic = Uint8Array.from([0xef, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "привет" in windows-1251
    expect(decodeBytes(cyrillic, 'x', 'windows-1251')).toEqual({ text: 'привет', encoding: 'windows-1251', bom: false });
    expect(decodeBytes(Buffer.from('привет'), 'x', 'windows-1251').text).toBe('привет'); // valid UTF-8 wins
    expect(decodeBytes(Uint8Array.from([0x49, 0x92, 0x6d]), 'x', 'iso-8859-1').text).toBe('I’m'); // WHATWG: Latin-1 label = 1252
  });

  it.each([
    ['binary (NUL bytes)', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x00, 0x10]), 'NG_INPUT_BINARY', /looks binary/],
    ['truncated UTF-8', Buffer.concat([Buffer.from('Moscow’s Kremlin '), Buffer.from('’').subarray(0, 2)]), 'NG_INPUT_ENCODING', /truncated UTF-8.*byte 19/],
    ['invalid UTF-8 mid-text', Buffer.concat([Buffer.from('Moscow’s '), Buffer.from([0xff]), Buffer.from('x')]), 'NG_INPUT_ENCODING', /invalid UTF-8 at byte 11/],
  ])('%s is refused', (_, bytes, code, message) => {
    try {
      decodeBytes(bytes, 'f.txt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NewsgraphError);
      expect((err as NewsgraphError).code).toBe(code);
      expect((err as NewsgraphError).message).toMatch(message);
    }
  });
});
