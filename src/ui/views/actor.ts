import { api } from '../api.js';
import { h, QUAD_NAMES, svg } from '../dom.js';

/** Actor page: names and aliases, roles over time, counterparts, a monthly chart of events by QuadClass, relations. */
export async function actorView(ref: string): Promise<HTMLElement> {
  const [p, rel] = await Promise.all([
    api<any>(`/api/actors/${encodeURIComponent(ref)}`),
    api<any>(`/api/actors/${encodeURIComponent(ref)}/neighbourhood?depth=1`).catch(() => ({ items: [] })),
  ]);
  const a = p.actor;
  return h('div', { class: 'actor-page' },
    h('h1', {}, a.name),
    h('p', { class: 'sub' }, [a.type, a.cameo, a.country, a.qid].filter(Boolean).join(' · '), ` · ${a.mentions} mentions in ${a.articles} article${a.articles === 1 ? '' : 's'}`),
    h('section', { 'aria-labelledby': 'names-h' }, h('h2', { id: 'names-h' }, 'Names and aliases'),
      h('ul', { class: 'inline' }, p.names.map((n: any) => h('li', {}, `${n.text} (${n.count})`)))),
    h('section', { 'aria-labelledby': 'roles-h' }, h('h2', { id: 'roles-h' }, 'Roles over time'),
      p.roles.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Title', 'Organisation', 'From', 'To', 'Seen'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, p.roles.map((r: any) => h('tr', {}, [r.title, r.org, r.from ?? '—', r.to ?? 'present', `${r.firstSeen ?? '?'} – ${r.lastSeen ?? '?'}`].map((c) => h('td', {}, c))))))
        : h('p', {}, 'No roles recorded.')),
    h('section', { 'aria-labelledby': 'chart-h' }, h('h2', { id: 'chart-h' }, 'Events by month and QuadClass'), monthlyChart(p.months)),
    h('section', { 'aria-labelledby': 'cp-h' }, h('h2', { id: 'cp-h' }, 'Counterparts'),
      h('ol', {}, p.counterparts.map((c: any) => h('li', {}, h('a', { href: `#/actor/${encodeURIComponent(c.actor.key)}` }, c.actor.name), ` — ${c.events} events, Goldstein ${c.goldstein.toFixed(1)}`)))),
    h('section', { 'aria-labelledby': 'rel-h' }, h('h2', { id: 'rel-h' }, 'Relations'),
      rel.items.length ? h('ul', {}, rel.items.map((e: any) => h('li', {}, `${e.source.name} ${e.type} ${e.target.name}`, e.count > 1 ? ` (${e.count})` : '')))
        : h('p', {}, 'No relations recorded.')),
  );
}

/** Stacked bars of events per month, one colour per QuadClass, with a text table for screen readers. */
function monthlyChart(months: Array<{ month: string; q1: number; q2: number; q3: number; q4: number }>): HTMLElement {
  if (!months.length) return h('p', {}, 'No events.');
  const W = 640, H = 180, pad = 24;
  const max = Math.max(...months.map((m) => m.q1 + m.q2 + m.q3 + m.q4), 1);
  const bw = Math.min(40, Math.max(4, (W - pad * 2) / months.length - 2));
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + 30}`, role: 'img', 'aria-label': 'Events by month and QuadClass', class: 'chart' });
  months.forEach((m, i) => {
    let y = H;
    const x = pad + i * (bw + 2);
    (['q1', 'q2', 'q3', 'q4'] as const).forEach((q, k) => {
      const hgt = (m[q] / max) * (H - pad);
      if (!hgt) return;
      y -= hgt;
      chart.appendChild(svg('rect', { x, y, width: bw, height: hgt, class: `bar q${k + 1}` }, svg('title', {}, `${m.month}: ${m[q]} ${QUAD_NAMES[k]}`)));
    });
    if (months.length <= 24 || i % Math.ceil(months.length / 12) === 0) chart.appendChild(svg('text', { x, y: H + 14, class: 'tick' }, m.month));
  });
  const legend = h('ul', { class: 'legend' }, QUAD_NAMES.map((n, k) => h('li', { class: `q${k + 1}` }, n)));
  const table = h('table', { class: 'visually-hidden' }, h('tbody', {}, months.map((m) => h('tr', {}, h('th', { scope: 'row' }, m.month), [m.q1, m.q2, m.q3, m.q4].map((v) => h('td', {}, String(v)))))));
  return h('figure', {}, chart, legend, table);
}
