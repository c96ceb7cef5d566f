import { api } from '../api.js';
import { clear, h, svg } from '../dom.js';

/** Timeline: events per month as bars; drag across the chart (or use the date fields) to brush a range and list its events. */
export async function timelineView(): Promise<HTMLElement> {
  const data = await api<any>('/api/events?limit=1000&modality=any');
  const events = data.items.filter((e: any) => e.dateFrom);
  const byDay = events.length && new Set(events.map((e: any) => e.dateFrom.slice(0, 7))).size <= 2;
  const keyOf = (e: any) => (byDay ? e.dateFrom.slice(0, 10) : e.dateFrom.slice(0, 7));
  const buckets = [...new Set<string>(events.map(keyOf))].sort();
  const counts = new Map<string, number>();
  for (const e of events) counts.set(keyOf(e), (counts.get(keyOf(e)) ?? 0) + 1);
  const W = 900, H = 160, pad = 30;
  const max = Math.max(1, ...counts.values());
  const bw = buckets.length ? Math.min(60, (W - 2 * pad) / buckets.length) : 0;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H + 24}`, class: 'timeline', role: 'img', 'aria-label': 'Events over time; drag to select a range' });
  buckets.forEach((b, i) => {
    const hgt = ((counts.get(b) ?? 0) / max) * (H - 10);
    chart.appendChild(svg('rect', { x: pad + i * bw + 1, y: H - hgt, width: Math.max(1, bw - 2), height: hgt, class: 'bar q1' }, svg('title', {}, `${b}: ${counts.get(b)}`)));
    if (buckets.length <= 16 || i % Math.ceil(buckets.length / 12) === 0) chart.appendChild(svg('text', { x: pad + i * bw, y: H + 16, class: 'tick' }, b));
  });
  const brush = svg('rect', { x: 0, y: 0, width: 0, height: H, class: 'brush' });
  chart.appendChild(brush);
  const fromIn = h('input', { type: 'date', id: 't-from' });
  const toIn = h('input', { type: 'date', id: 't-to' });
  const list = h('ol', { class: 'timeline-list', 'aria-live': 'polite' });
  const render = (from: string, to: string) => {
    clear(list);
    for (const e of events.filter((x: any) => x.dateFrom <= `${to}~` && (x.dateTo ?? x.dateFrom) >= from)) {
      list.appendChild(h('li', {}, `${e.dateFrom}${e.dateTo && e.dateTo !== e.dateFrom ? ` – ${e.dateTo}` : ''} · ${e.source?.name ?? '—'} → ${e.target?.name ?? '—'} · ${e.code} ${e.label} · ${e.modality} `,
        h('a', { href: `#/article/${encodeURIComponent(e.articleId)}` }, 'article')));
    }
  };
  let start: number | null = null;
  const toX = (ev: PointerEvent) => {
    const r = chart.getBoundingClientRect();
    return ((ev.clientX - r.left) / r.width) * W;
  };
  const bucketAt = (x: number) => buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor((x - pad) / bw)))]!;
  chart.addEventListener('pointerdown', (ev) => { start = toX(ev as PointerEvent); });
  chart.addEventListener('pointermove', (ev) => {
    if (start === null) return;
    const x = toX(ev as PointerEvent);
    brush.setAttribute('x', String(Math.min(start, x)));
    brush.setAttribute('width', String(Math.abs(x - start)));
  });
  chart.addEventListener('pointerup', (ev) => {
    if (start === null || !buckets.length) return;
    const x = toX(ev as PointerEvent);
    const [a, b] = [bucketAt(Math.min(start, x)), bucketAt(Math.max(start, x))];
    start = null;
    fromIn.value = a.length === 7 ? `${a}-01` : a;
    toIn.value = b.length === 7 ? `${b}-31` : b;
    render(fromIn.value, toIn.value);
  });
  render('0000', '9999');
  return h('div', { class: 'timeline-page' }, h('h1', {}, 'Timeline'), chart,
    h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); render(fromIn.value || '0000', toIn.value || '9999'); } },
      h('label', { for: 't-from' }, 'From '), fromIn, h('label', { for: 't-to' }, ' To '), toIn, h('button', { type: 'submit' }, 'Show')),
    h('h2', {}, 'Events in range'), list);
}
