import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../paths.js';
import { detectFormat, domText, dropLeadingMeta, isoDate, parseBytes, pruneBoilerplate, readHtml, splitByline } from './index.js';
import { parseHTML } from 'linkedom';

const fixture = (name: string) => join(PACKAGE_ROOT, 'test', 'fixtures', name);

describe('parseBytes', () => {
  it.each([
    ['seed format: id line then text', 'a.txt', '1.2011006-4012467280\nCaption line.\n\nBody.', [{ id: '1.2011006-4012467280', text: 'Caption line.\n\nBody.', source: 'a.txt' }]],
    ['plain text: first line is a sentence', 'a.txt', 'Putin met Assad.\nMore.', [{ text: 'Putin met Assad.\nMore.', source: 'a.txt' }]],
    ['plain text: a heading without digits is not an id', 'a.txt', 'Headline\nBody text.', [{ text: 'Headline\nBody text.', source: 'a.txt' }]],
    ['json record', 'a.json', '{"id":"x","title":"T","date":"2020-02-03T10:00:00Z","text":"Hi there.","authors":["A B"]}', [{ id: 'x', title: 'T', date: '2020-02-03', text: 'Hi there.', authors: ['A B'], source: 'a.json', line: 1 }]],
    ['json array', 'a.json', '[{"id":"x","text":"One."},{"id":"y","text":"Two."}]', [{ id: 'x', text: 'One.', source: 'a.json', line: 1 }, { id: 'y', text: 'Two.', source: 'a.json', line: 2 }]],
    ['jsonl detected from content', 'stdin', '{"id":"x","text":"One."}\n\n{"id":"y","text":"Two."}\n', [{ id: 'x', text: 'One.', source: 'stdin', line: 1 }, { id: 'y', text: 'Two.', source: 'stdin', line: 3 }]],
  ])('%s', (_, name, content, expected) => {
    expect(parseBytes(Buffer.from(content), name)).toEqual(expected);
  });

  it('keeps going after a malformed JSONL line and reports its line number', () => {
    const records = parseBytes(readFileSync(fixture('records.jsonl')), 'records.jsonl');
    expect(records.map((r) => [r.id, r.line, r.error?.code, r.error?.message.split(' (')[0]])).toEqual([
      ['r1', 1, undefined, undefined],
      [undefined, 2, 'NG_INPUT_JSON', 'records.jsonl:2: malformed JSON on line 2'],
      ['r3', 3, undefined, undefined],
    ]);
    expect(records[2]!.text).toBe('Officials in Rome said on Tuesday that the ministers of Italy and Spain will meet again next month to discuss trade and migration.');
  });

  it('reads an HTML page in the charset its <meta> declares', () => {
    const head = Buffer.from('<html><head><meta charset="windows-1251"></head><body><article><p>');
    const word = Buffer.from([0xef, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20]); // "привет " in windows-1251
    const page = Buffer.concat([head, ...Array(12).fill(word), Buffer.from('</p></article></body></html>')]);
    expect(parseBytes(page, 'ru.html')[0]!.text).toBe(Array(12).fill('привет').join(' '));
  });

  it('reports a record without text or html', () => {
    const [r] = parseBytes(Buffer.from('{"id":"x","title":"T"}\n'), 'a.jsonl');
    expect(r!.error?.message).toBe("a.jsonl:1: record has neither 'text' nor 'html'");
  });

  it.each([
    ['empty', Buffer.alloc(0), 'x: input is empty (0 bytes)'],
    ['whitespace', Buffer.from(' \n\t '), 'x: input is empty (only whitespace)'],
    ['malformed JSON', Buffer.from('[{"id":1,'), /^x\.json: malformed JSON/],
    ['html without article', Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>'), 'x.html: HTML has no article text (no main content found)'],
  ])('refuses %s input', (_, bytes, message) => {
    const name = _ === 'malformed JSON' ? 'x.json' : _ === 'html without article' ? 'x.html' : 'x';
    expect(() => parseBytes(bytes, name)).toThrowError(message);
  });
});

describe('readHtml', () => {
  it('takes metadata from JSON-LD and meta tags, and the main text without navigation', () => {
    const a = readHtml(readFileSync(fixture('jsonld-article.html'), 'utf8'), 'page.html');
    expect({ ...a, html: undefined }).toEqual({
      title: 'Ministers meet in Geneva to discuss ceasefire',
      date: '2021-06-15',
      authors: ['Ana Lopez', 'Omar Haddad'],
      outlet: 'Example News',
      section: 'World',
      genre: 'news',
      html: undefined,
      text: [
        'GENEVA — Foreign ministers from five countries met in Geneva on Tuesday to discuss a ceasefire in the region, officials said.',
        'The talks, hosted by the Swiss government, lasted more than six hours and ended without a joint statement, according to two diplomats who attended.',
        '"We made progress, but there is more work to do," one of the ministers told reporters outside the venue after the meeting.',
        'A second round of talks is expected next month, the Swiss foreign ministry said in a statement published late on Tuesday.',
      ].join('\n\n'),
    });
  });

  it('falls back to meta tags and states genre from an opinion section', () => {
    const html = `<html><head><meta property="article:published_time" content="2019-03-01T10:00:00Z"><meta name="author" content="By Jane Doe">
      <meta property="article:section" content="Opinion"><meta property="og:site_name" content="The Daily"></head>
      <body><article><p>${'I think the government is wrong about this, and we should say so plainly. '.repeat(8)}</p></article></body></html>`;
    const a = readHtml(html, 'p.html');
    expect([a.date, a.authors, a.outlet, a.section, a.genre]).toEqual(['2019-03-01', ['Jane Doe'], 'The Daily', 'Opinion', 'opinion']);
  });
});

describe('readHtml figure captions', () => {
  it.each([
    ['<figcaption>Troops in Mosul on Monday. <span class="credit">Jane Roe/Reuters</span></figcaption>', 'Troops in Mosul on Monday.', 'Jane Roe/Reuters'],
    ['<figcaption>Troops in Mosul on Monday. Credit: AFP</figcaption>', 'Troops in Mosul on Monday.', 'AFP'],
    ['<figcaption>Troops in Mosul on Monday.</figcaption>', 'Troops in Mosul on Monday.', undefined],
  ])('%s', (fig, caption, credit) => {
    const body = '<p>Officials said on Monday that government forces had retaken the last district of the old city after weeks of fighting.</p>';
    const a = readHtml(`<html><body><article><figure><img src="a.jpg">${fig}</figure>${body}${body.replace('Monday', 'Tuesday')}</article></body></html>`, 'f.html');
    expect([a.caption, a.imageCredit, a.text?.includes('Troops')]).toEqual([caption, credit, false]);
  });
});

describe('helpers', () => {
  it.each([
    ['2017-04-11T09:00:00Z', '2017-04-11'],
    ['Tue, 11 Apr 2017 09:00:00 GMT', '2017-04-11'],
    ['2017-02-30', undefined],
    ['soon', undefined],
  ])('isoDate(%j)', (v, out) => expect(isoDate(v)).toBe(out));

  it.each([
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Jane Doe, John Roe & Ann Lee', ['Jane Doe', 'John Roe', 'Ann Lee']],
    ['https://example.com/jane', []],
  ])('splitByline(%j)', (v, out) => expect(splitByline(v)).toEqual(out));

  it.each([
    ['<!DOCTYPE html><p>x', 'a', 'html'],
    ['{"a":1}', 'a', 'json'],
    ['{"a":1}\n{"a":2}', 'a', 'jsonl'],
    ['[1]', 'a', 'json'],
    ['Just text', 'a', 'text'],
    ['Just text', 'a.html', 'html'],
  ])('detectFormat(%j, %j)', (text, name, out) => expect(detectFormat(text, name)).toBe(out));

  it('pruneBoilerplate drops captions and link-dense blocks, keeps prose with a link', () => {
    const { document } = parseHTML(
      '<div><figure><img src="x.jpg"><figcaption>A caption. Credit: AP</figcaption></figure>' +
        '<p>Prose with <a href="/a">one link</a> inside a longer sentence of ordinary words.</p>' +
        '<ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul><p><a href="/r">Read more: a related story</a></p></div>',
    );
    expect(domText(pruneBoilerplate(document.querySelector('div')))).toBe('Prose with one link inside a longer sentence of ordinary words.');
  });

  it.each([
    ['By HNN Staff | November 18, 2019 at 2:26 PM HST\n\nPublished 4:00 am CST, Wednesday\n\nThe story.', 'The story.'],
    ['By the time troops arrived, the town was empty.\n\nMore.', 'By the time troops arrived, the town was empty.\n\nMore.'],
    ['Updated\n\nOnly block', 'Only block'],
    ['Only block', 'Only block'],
  ])('dropLeadingMeta(%j)', (text, out) => expect(dropLeadingMeta(text)).toBe(out));

  it('domText separates blocks and keeps inline text together', () => {
    const { document } = parseHTML('<div><p>One <b>two</b></p><p>Three<br>four</p><script>x()</script></div>');
    expect(domText(document.querySelector('div'))).toBe('One two\n\nThree\nfour');
  });
});
