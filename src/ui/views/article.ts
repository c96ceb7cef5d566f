import { api } from '../api.js';
import { h, quadClass } from '../dom.js';

/** The analysis contract as the UI reads it (a subset of src/contract.ts). */
export interface AnalysisView {
  document: { id: string; title: string | null; date: string | null; dateSource: string; authors: string[]; outlet: string | null; genre: string; caption: string | null; imageCredit: string | null; copyright: string | null; language: string; text: string; source: string | null };
  sentences: Array<{ start: number; end: number }>;
  entities: Array<{ id: string; name: string; type: string; kb: { id?: string; qid: string | null; cameo: string | null } | null; mentions: Array<{ start: number; end: number; text: string }> }>;
  places: Array<{ entity: string; name: string; lat: number | null; lon: number | null; country: string | null; reason: string }>;
  times: Array<{ start: number; end: number; text: string; from: string | null; to: string | null; grain: string }>;
  events: Array<{ id: string; code: string; root: string; quadClass: number; goldstein: number; plover: { type: string; mode?: string | null } | null; label: string; source: string | null; target: string | null; date: { from: string; to: string } | null; place: string | null; modality: string; sentence: number; trigger: { start: number; end: number; text: string }; evidence: string; rule: string; confidence: number; corrected?: boolean }>;
  relations: Array<{ type: string; polarity: string; source: string; target: string; modality: string }>;
  quotes: Array<{ start: number; end: number; text: string; speaker: string | null; addressee: string | null; cue: string | null }>;
  tone: { score: number; stance: Array<{ entity: string; score: number }> } | null;
  diagnostics: Array<{ code: string; message: string }>;
  story?: string[];
}

type Layer = 'actors' | 'places' | 'times' | 'events' | 'quotes';
interface Mark { start: number; end: number; layer: Layer; ref: string; title: string }

/** "Show the pattern" for a rule that cites a dictionary line (data/events/verbs.tsv:12): fetches and shows the line. */
function patternButton(rule: string): HTMLElement | null {
  const ref = /data\/events\/[\w.-]+:\d+/.exec(rule)?.[0];
  if (!ref) return null;
  const out = h('pre', { class: 'pattern', hidden: true });
  const button = h('button', { type: 'button', class: 'pattern-btn', onclick: async () => {
    try {
      const p = await api<{ file: string; line: number; text: string; header: string }>(`/api/pattern?ref=${encodeURIComponent(ref)}`);
      out.textContent = `${p.file}:${p.line}\n${p.header}\n${p.text}`;
    } catch (err) {
      out.textContent = (err as Error).message;
    }
    out.hidden = false;
  } }, `Show the pattern (${ref})`);
  return h('div', {}, button, out);
}

/** Link to an actor page: its KB id when linked, else its name. */
export function actorHref(e: AnalysisView['entities'][number]): string {
  return `#/actor/${encodeURIComponent(e.kb?.qid ?? e.kb?.id ?? e.name)}`;
}

/**
 * The article reader: the text with toggleable layers (each highlight linked to its entity or event)
 * and, beside it, the events with direction, code, modality and evidence, then quotes and relations.
 */
export function renderArticle(a: AnalysisView, opts: { linkActors: boolean }): HTMLElement {
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const name = (id: string | null) => (id ? byId.get(id)?.name ?? id : '—');
  const placeIds = new Set(a.places.map((p) => p.entity));
  const marks: Mark[] = [];
  for (const e of a.entities) {
    const layer: Layer = placeIds.has(e.id) ? 'places' : 'actors';
    for (const m of e.mentions) marks.push({ start: m.start, end: m.end, layer, ref: e.id, title: `${e.name} (${e.type}${e.kb?.cameo ? `, ${e.kb.cameo}` : ''})` });
  }
  for (const t of a.times) marks.push({ start: t.start, end: t.end, layer: 'times', ref: '', title: `${t.grain}: ${t.from ?? '?'} – ${t.to ?? '?'}` });
  for (const v of a.events) marks.push({ start: v.trigger.start, end: v.trigger.end, layer: 'events', ref: v.id, title: `${v.code} ${v.label} (${v.modality})` });
  for (const q of a.quotes) marks.push({ start: q.start, end: q.end, layer: 'quotes', ref: '', title: `quote by ${name(q.speaker)}` });

  const text = h('div', { class: 'article-text show-actors show-places show-times show-events show-quotes', 'aria-label': 'Article text' });
  const cuts = new Set<number>([0, a.document.text.length]);
  for (const m of marks) { cuts.add(m.start); cuts.add(m.end); }
  const points = [...cuts].sort((x, y) => x - y);
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, e] = [points[i]!, points[i + 1]!];
    const covering = marks.filter((m) => m.start <= s && m.end >= e);
    const chunk = a.document.text.slice(s, e);
    if (!covering.length) { text.append(chunk); continue; }
    let node: Node = document.createTextNode(chunk);
    for (const m of covering) {
      const cls = `hl hl-${m.layer}`;
      const eventClass = m.layer === 'events' ? ` ${quadClass(a.events.find((v) => v.id === m.ref)?.quadClass ?? 1)}` : '';
      const el = m.layer === 'events'
        ? h('a', { class: cls + eventClass, href: `#ev-${m.ref}`, title: m.title, 'data-event': m.ref })
        : (m.layer === 'actors' || m.layer === 'places') && opts.linkActors && byId.get(m.ref)
          ? h('a', { class: cls, href: actorHref(byId.get(m.ref)!), title: m.title, 'data-entity': m.ref })
          : h('mark', { class: cls, title: m.title, ...(m.ref ? { 'data-entity': m.ref } : {}) });
      el.appendChild(node);
      node = el;
    }
    text.appendChild(node);
  }
  // Highlights inside links would nest links: keep only the outermost link clickable.
  text.querySelectorAll('a a').forEach((inner) => inner.replaceWith(...Array.from(inner.childNodes)));

  const toggles = h('fieldset', { class: 'toggles' }, h('legend', {}, 'Layers'),
    (['actors', 'places', 'times', 'events', 'quotes'] as Layer[]).map((layer) => {
      const id = `toggle-${layer}`;
      return h('label', { for: id, class: `toggle hl-${layer}` },
        h('input', { type: 'checkbox', id, checked: true, onchange: (ev: Event) => text.classList.toggle(`show-${layer}`, (ev.target as HTMLInputElement).checked) }),
        ` ${layer}`);
    }));

  const d = a.document;
  const facts = h('dl', { class: 'facts' },
    [['Date', d.date ? `${d.date} (from ${d.dateSource})` : 'unknown'], ['Authors', d.authors.join(', ') || '—'], ['Outlet', d.outlet ?? '—'],
     ['Genre', d.genre], ['Language', d.language], ['Image credit', d.imageCredit ?? '—'], ['Copyright', d.copyright ?? '—'],
     ['Tone', a.tone ? a.tone.score.toFixed(2) : '—'], ['Copies in store', a.story ? String(a.story.length) : '—']]
      .map(([k, v]) => [h('dt', {}, k!), h('dd', {}, v!)]));

  const events = h('section', { class: 'side-section', 'aria-labelledby': 'events-h' }, h('h2', { id: 'events-h' }, `Events (${a.events.length})`),
    h('ol', { class: 'event-list' }, a.events.map((v) => h('li', { id: `ev-${v.id}`, class: `event ${quadClass(v.quadClass)} mod-${v.modality}`, tabindex: '-1', 'data-event': v.id },
      h('div', { class: 'event-head' },
        h('span', { class: 'dyad' }, `${name(v.source)} → ${name(v.target)}`),
        h('span', { class: 'code', title: `CAMEO ${v.code}, Goldstein ${v.goldstein}` }, `${v.code}${v.plover ? ` · ${v.plover.type}` : ''}`),
        h('span', { class: `badge mod-${v.modality}` }, v.modality), v.corrected ? h('span', { class: 'badge corrected' }, 'corrected') : null),
      h('div', { class: 'label' }, v.label, v.date ? ` · ${v.date.from === v.date.to ? v.date.from : `${v.date.from} – ${v.date.to}`}` : '', v.place ? ` · ${name(v.place)}` : ''),
      h('details', { class: 'why' }, h('summary', {}, 'Why'),
        h('blockquote', { class: 'evidence' }, v.evidence),
        h('p', {}, `Rule: ${v.rule} · confidence ${v.confidence.toFixed(2)} · trigger “${v.trigger.text}”`),
        patternButton(v.rule))))));

  const quotes = h('section', { class: 'side-section', 'aria-labelledby': 'quotes-h' }, h('h2', { id: 'quotes-h' }, `Quotes (${a.quotes.length})`),
    h('ul', {}, a.quotes.map((q) => h('li', {}, h('strong', {}, name(q.speaker)), q.addressee ? ` to ${name(q.addressee)}` : '', q.cue ? ` (${q.cue})` : '', ': “', q.text, '”'))));
  const relations = h('section', { class: 'side-section', 'aria-labelledby': 'rel-h' }, h('h2', { id: 'rel-h' }, `Relations (${a.relations.length})`),
    h('ul', {}, a.relations.map((r) => h('li', {}, `${name(r.source)} ${r.type} ${name(r.target)}`, r.modality !== 'asserted' ? ` (${r.modality})` : ''))));
  const actors = h('section', { class: 'side-section', 'aria-labelledby': 'act-h' }, h('h2', { id: 'act-h' }, `Actors (${a.entities.length})`),
    h('ul', { class: 'actor-list' }, a.entities.map((e) => {
      const stance = a.tone?.stance.find((s) => s.entity === e.id);
      return h('li', {}, opts.linkActors ? h('a', { href: actorHref(e) }, e.name) : e.name, ` ${e.type}`, e.kb?.cameo ? ` · ${e.kb.cameo}` : '',
        ` · ${e.mentions.length} mention${e.mentions.length === 1 ? '' : 's'}`, stance ? ` · stance ${stance.score.toFixed(2)}` : '');
    })));

  return h('div', { class: 'article' },
    h('div', { class: 'article-main' },
      h('h1', {}, d.title ?? d.id),
      d.caption ? h('p', { class: 'caption' }, d.caption) : null,
      facts, toggles, text),
    h('aside', { class: 'article-side', 'aria-label': 'What newsgraph found' }, events, quotes, relations, actors));
}
