import type { Analysis } from '../contract.js';

/** A readable report of an analysis for a person: document facts, then each layer as a compact table. */
export function formatReport(a: Analysis, color = false): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const d = a.document;
  const lines: string[] = [];
  lines.push(bold(`Document ${d.id}`));
  const facts: Array<[string, unknown]> = [
    ['title', d.title], ['date', d.date ? `${d.date} (from ${d.dateSource})` : null], ['authors', d.authors.join(', ') || null],
    ['outlet', d.outlet], ['genre', d.genreCues?.length ? `${d.genre} (${d.genreCues.join(', ')})` : d.genre], ['language', d.language], ['caption', d.caption],
    ['image credit', d.imageCredit], ['copyright', d.copyright], ['sentences', a.sentences.length],
  ];
  for (const [k, v] of facts) if (v !== null && v !== undefined) lines.push(`  ${k.padEnd(13)} ${v}`);
  const section = (title: string, rows: string[][]) => {
    if (!rows.length) return;
    lines.push('', bold(`${title} (${rows.length})`));
    lines.push(...table(rows));
  };
  const parts = d.parts ?? [];
  const paragraphs = parts.filter((p) => p.kind === 'paragraph').length;
  section('Structure', [
    ...parts.filter((p) => p.kind !== 'paragraph').map((p) => [p.kind, `${p.start}-${p.end}`, preview(d.text.slice(p.start, p.end))]),
    ...(paragraphs ? [['paragraphs', String(paragraphs), '']] : []),
  ]);
  section('Entities', a.entities.map((e) => [e.id, e.type, e.name, e.kb?.cameo ?? '', e.kb?.qid ?? '', String(e.mentions.length)]));
  section('Places', a.places.map((p) => [p.entity, p.name, p.country ?? '?', p.lat === null ? '-' : `${p.lat.toFixed(2)},${p.lon!.toFixed(2)}`, p.reason]));
  section('Times', a.times.map((t) => [t.text, t.grain, `${t.from ?? '?'}..${t.to ?? '?'}`]));
  const name = (id: string | null) => (id ? a.entities.find((e) => e.id === id)?.name ?? id : '-');
  section('Events', a.events.map((e) => [e.id, e.code, e.plover?.type ?? '', `${name(e.source)} -> ${name(e.target)}`, e.modality, e.date ? `${e.date.from}..${e.date.to}` : '', e.place ? name(e.place) : '', e.label]));
  section('Relations', a.relations.map((r) => [r.type, `${name(r.source)} -> ${name(r.target)}`, r.polarity, r.modality]));
  section('Quotes', a.quotes.map((q) => [name(q.speaker), q.addressee ? `to ${name(q.addressee)}` : '', q.cue ?? '', `“${q.text}”`]));
  if (a.tone) {
    lines.push('', bold('Tone'), `  score ${a.tone.score.toFixed(2)}  positive ${a.tone.positive.toFixed(2)}  negative ${a.tone.negative.toFixed(2)}  words ${a.tone.wordCount}`);
    for (const s of a.tone.stance) lines.push(`  stance toward ${name(s.entity)}: ${s.score.toFixed(2)}`);
  }
  section('Diagnostics', a.diagnostics.map((g) => [g.code, g.stage ?? '', g.start !== undefined ? `@${g.start}` : '', g.message]));
  return `${lines.join('\n')}\n`;
}

function preview(text: string, max = 70): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { widths[i] = Math.min(Math.max(widths[i] ?? 0, c.length), 60); });
  return rows.map((r) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.slice(0, 60).padEnd(widths[i]!))).join('  ')}`);
}
