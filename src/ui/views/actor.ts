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
    steerPanel(a),
  );
}

/**
 * Steering: add an alias or a dated role to this actor in the store's dictionary (or add an unlinked
 * actor to it), then preview the re-coding diff and apply it.
 */
function steerPanel(a: { key: string; name: string; type: string }): HTMLElement {
  const status = h('p', { class: 'steer-status', role: 'status', 'aria-live': 'polite' });
  const token = h('input', { id: 'st-token', type: 'password', autocomplete: 'off' });
  const post = async (path: string, body: unknown) => {
    const headers: Record<string, string> = token.value ? { Authorization: `Bearer ${token.value}` } : {};
    return api<any>(path, { method: 'POST', body: JSON.stringify(body), headers });
  };
  const run = (fn: () => Promise<string>) => async (e: Event) => {
    e.preventDefault();
    status.textContent = 'Working…';
    try {
      status.textContent = await fn();
    } catch (err) {
      status.textContent = `Refused: ${(err as Error).message}`;
    }
  };
  const linked = !/^[A-Z]+:/.test(a.key);
  const alias = h('input', { id: 'st-alias', required: true });
  const title = h('input', { id: 'st-title', required: true });
  const kind = h('select', { id: 'st-kind' }, ['head_of_state', 'head_of_government', 'foreign_minister', 'defence_minister', 'minister', 'military_commander', 'party_leader', 'group_leader', 'org_leader', 'diplomat', 'other'].map((k) => h('option', { value: k }, k.replace(/_/g, ' '))));
  const org = h('input', { id: 'st-org', required: true, placeholder: 'ISO country code or actor id' });
  const from = h('input', { id: 'st-from', type: 'date' });
  const to = h('input', { id: 'st-to', type: 'date' });
  const cameo = h('input', { id: 'st-cameo', placeholder: 'e.g. SYRGOV' });
  const summary = (r: any) => `${r.affected} article(s) affected; events +${r.diff?.events?.added ?? 0} −${r.diff?.events?.removed ?? 0} ~${r.diff?.events?.changed ?? 0}; links +${r.diff?.links?.added ?? 0} −${r.diff?.links?.removed ?? 0} ~${r.diff?.links?.changed ?? 0}`;
  return h('section', { class: 'steer', 'aria-labelledby': 'steer-h' }, h('h2', { id: 'steer-h' }, 'Fix the dictionary'),
    linked
      ? [
          h('form', { class: 'filters', onsubmit: run(async () => (await post('/api/dictionaries', { op: 'add-alias', actor: a.key, alias: alias.value })).message) },
            h('label', { for: 'st-alias' }, 'New alias '), alias, h('button', { type: 'submit' }, 'Add alias')),
          h('form', { class: 'filters', onsubmit: run(async () => (await post('/api/dictionaries', { op: 'add-role', actor: a.key, title: title.value, kind: kind.value, org: org.value, ...(from.value ? { from: from.value } : {}), ...(to.value ? { to: to.value } : {}) })).message) },
            h('label', { for: 'st-title' }, 'Role title '), title, h('label', { for: 'st-kind' }, ' kind '), kind, h('label', { for: 'st-org' }, ' of '), org,
            h('label', { for: 'st-from' }, ' from '), from, h('label', { for: 'st-to' }, ' to '), to, h('button', { type: 'submit' }, 'Add role')),
        ]
      : h('form', { class: 'filters', onsubmit: run(async () => (await post('/api/dictionaries', { op: 'add-actor', name: a.name, type: a.type, ...(cameo.value ? { cameo: cameo.value } : {}) })).message) },
          h('label', { for: 'st-cameo' }, 'CAMEO code '), cameo, h('button', { type: 'submit' }, `Add “${a.name}” to the dictionary`)),
    h('div', { class: 'filters' },
      h('button', { type: 'button', onclick: run(async () => `Preview: ${summary(await post('/api/recode', { dryRun: true }))}`) }, 'Preview re-coding'),
      h('button', { type: 'button', onclick: run(async () => `Applied: ${summary(await post('/api/recode', { dryRun: false }))}`) }, 'Apply re-coding'),
      h('label', { for: 'st-token' }, ' Token (servers beyond loopback) '), token),
    status);
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
