import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from '../api.js';
import { clear, h, svg } from '../dom.js';

/** Map view: event places on a world map drawn from Natural Earth TopoJSON (no tiles), clustered; click a cluster for its events. */
export async function mapView(): Promise<HTMLElement> {
  const data = await api<any>('/api/events?limit=1000&modality=any');
  const events = data.items.filter((e: any) => e.place && e.place.lat !== null && e.place.lon !== null);
  const W = 960, H = 500;
  const projection = geoNaturalEarth1().fitSize([W, H], { type: 'Sphere' } as any);
  const path = geoPath(projection);
  const countries = feature(world as any, (world as any).objects.countries) as any;
  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': `World map with ${events.length} event places` });
  map.appendChild(svg('path', { d: path({ type: 'Sphere' } as any) ?? '', class: 'sphere' }));
  for (const f of countries.features) map.appendChild(svg('path', { d: path(f) ?? '', class: 'country' }));

  // Cluster by projected position: events closer than CELL pixels share one marker.
  const CELL = 18;
  const clusters = new Map<string, { x: number; y: number; events: any[]; names: Set<string> }>();
  for (const e of events) {
    const p = projection([e.place.lon, e.place.lat]);
    if (!p) continue;
    const key = `${Math.round(p[0] / CELL)}:${Math.round(p[1] / CELL)}`;
    const c = clusters.get(key) ?? { x: p[0], y: p[1], events: [], names: new Set<string>() };
    c.events.push(e);
    c.names.add(e.place.name);
    clusters.set(key, c);
  }
  const panel = h('section', { class: 'map-panel', 'aria-live': 'polite', 'aria-labelledby': 'map-h' }, h('h2', { id: 'map-h' }, 'Events'), h('p', {}, 'Select a place to list its events.'));
  const show = (c: { events: any[]; names: Set<string> }) => {
    clear(panel);
    panel.append(h('h2', { id: 'map-h' }, [...c.names].join(', ')), h('ol', {}, c.events.map((e) => h('li', {},
      `${e.source?.name ?? '—'} → ${e.target?.name ?? '—'} · ${e.code} ${e.label} · ${e.modality} `,
      h('a', { href: `#/article/${encodeURIComponent(e.articleId)}` }, 'article')))));
  };
  const buttons = h('ul', { class: 'place-list', 'aria-label': 'Places' });
  for (const c of clusters.values()) {
    const r = 4 + Math.sqrt(c.events.length) * 3;
    const dot = svg('circle', { cx: c.x, cy: c.y, r, class: 'cluster', tabindex: 0, role: 'button', 'aria-label': `${[...c.names].join(', ')}: ${c.events.length} events` },
      svg('title', {}, `${[...c.names].join(', ')}: ${c.events.length} events`));
    dot.addEventListener('click', () => show(c));
    dot.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') show(c); });
    map.appendChild(dot);
    buttons.appendChild(h('li', {}, h('button', { type: 'button', onclick: () => show(c) }, `${[...c.names].join(', ')} (${c.events.length})`)));
  }
  return h('div', { class: 'map-page' }, h('h1', {}, 'Map of event places'), h('div', { class: 'map-layout' }, map, panel), h('h2', {}, 'Places'), buttons);
}
