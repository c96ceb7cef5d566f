import cytoscape from 'cytoscape';
import { api, qs } from '../api.js';
import { clear, h } from '../dom.js';

/**
 * Cytoscape injects a <style> for its container unless an element with this id exists; the CSP
 * forbids inline styles, so we mark it present (the rule itself is in style.css).
 */
function markCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.append(marker);
}

/** Graph view: actors as nodes, aggregated event dyads and relations as edges, coloured by cooperation/conflict. */
export async function graphView(): Promise<HTMLElement> {
  const from = h('input', { type: 'date', id: 'g-from' });
  const to = h('input', { type: 'date', id: 'g-to' });
  const modality = h('select', { id: 'g-mod' }, ['asserted', 'any', 'hypothetical', 'future', 'reported', 'negated'].map((m) => h('option', { value: m }, m)));
  const box = h('div', { class: 'graph-box', id: 'graph', role: 'img', 'aria-label': 'Actor graph' });
  const panel = h('section', { class: 'edge-panel', 'aria-live': 'polite', 'aria-labelledby': 'edge-h' }, h('h2', { id: 'edge-h' }, 'Evidence'), h('p', {}, 'Select an edge to see its evidence sentences.'));
  const list = h('ul', { class: 'edge-list', 'aria-label': 'Edges' });
  const root = h('div', { class: 'graph-page' },
    h('h1', {}, 'Actor graph'),
    h('form', { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); void draw(); } },
      h('label', { for: 'g-from' }, 'From '), from, h('label', { for: 'g-to' }, ' To '), to,
      h('label', { for: 'g-mod' }, ' Modality '), modality, h('button', { type: 'submit' }, 'Apply')),
    h('div', { class: 'graph-layout' }, box, panel), h('h2', {}, 'Edges'), list);

  async function draw() {
    const data = await api<any>(`/api/graph${qs({ from: from.value, to: to.value, modality: modality.value === 'asserted' ? undefined : modality.value })}`);
    clear(list);
    const elements: cytoscape.ElementDefinition[] = data.nodes.map((n: any) => ({ data: { id: `a${n.id}`, label: n.name, weight: n.events } }));
    for (const e of data.edges) {
      const mean = e.goldstein / e.events;
      elements.push({ data: { id: `e${e.source}-${e.target}`, source: `a${e.source}`, target: `a${e.target}`, weight: e.events, kind: mean >= 0 ? 'coop' : 'conflict', sample: e.sample.join(',') } });
      const label = `${data.nodes.find((n: any) => n.id === e.source)?.name} → ${data.nodes.find((n: any) => n.id === e.target)?.name}: ${e.events} events, mean Goldstein ${mean.toFixed(1)}`;
      list.appendChild(h('li', {}, h('button', { type: 'button', class: `edge-btn ${mean >= 0 ? 'coop' : 'conflict'}`, onclick: () => void showEdge(e.sample) }, label)));
    }
    markCytoscapeStylesheet();
    const cy = cytoscape({
      container: box, elements, layout: { name: elements.length > 60 ? 'circle' : 'cose', animate: false },
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 11, 'background-color': '#3b5b92', color: '#111', width: 'mapData(weight, 1, 30, 14, 40)', height: 'mapData(weight, 1, 30, 14, 40)' } },
        { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 'mapData(weight, 1, 20, 1.5, 8)' } },
        { selector: 'edge[kind = "coop"]', style: { 'line-color': '#1a7f37', 'target-arrow-color': '#1a7f37' } },
        { selector: 'edge[kind = "conflict"]', style: { 'line-color': '#c62828', 'target-arrow-color': '#c62828' } },
      ],
    });
    cy.on('tap', 'edge', (evt) => void showEdge(String(evt.target.data('sample')).split(',').map(Number)));
  }

  async function showEdge(ids: number[]) {
    clear(panel);
    panel.append(h('h2', { id: 'edge-h' }, 'Evidence'));
    const items = await Promise.all(ids.slice(0, 10).map((id) => api<any>(`/api/events/${id}/why`)));
    panel.append(h('ol', { class: 'evidence-list' }, items.map((w) => h('li', {},
      h('div', {}, `${w.event.source?.name ?? '—'} → ${w.event.target?.name ?? '—'} · ${w.event.code} ${w.event.label} · ${w.event.modality}`),
      h('blockquote', { class: 'evidence' }, w.sentence.text),
      h('a', { href: `#/article/${encodeURIComponent(w.article.id)}` }, w.article.title ?? w.article.id)))));
  }

  queueMicrotask(() => void draw());
  return root;
}
