import { h } from './dom.js';
import { actorView } from './views/actor.js';
import { graphView } from './views/graph.js';
import { mapView } from './views/map.js';
import { analyseView, articleView, homeView, searchView } from './views/pages.js';
import { timelineView } from './views/timeline.js';

/** Hash routes → views. */
async function route(focus = true): Promise<void> {
  const main = document.getElementById('main')!;
  const hash = location.hash.replace(/^#/, '') || '/';
  if (hash.startsWith('ev-')) return; // in-page anchor to an event in the reader
  const [path, query] = hash.split('?');
  const parts = path!.split('/').filter(Boolean).map(decodeURIComponent);
  main.replaceChildren(h('p', { class: 'loading' }, 'Loading…'));
  try {
    let view: HTMLElement;
    if (parts[0] === 'article' && parts[1]) view = await articleView(parts[1]);
    else if (parts[0] === 'actor' && parts[1]) view = await actorView(parts[1]);
    else if (parts[0] === 'graph') view = await graphView();
    else if (parts[0] === 'map') view = await mapView();
    else if (parts[0] === 'timeline') view = await timelineView();
    else if (parts[0] === 'analyse') view = analyseView();
    else if (parts[0] === 'search') view = await searchView(new URLSearchParams(query).get('q') ?? '');
    else view = await homeView();
    main.replaceChildren(view);
    document.title = `${view.querySelector('h1')?.textContent ?? 'newsgraph'} · newsgraph`;
    if (focus) main.focus(); // move screen readers and keyboard users to the new view
  } catch (err) {
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, (err as Error).message));
  }
}

document.getElementById('search-form')!.addEventListener('submit', (e) => {
  e.preventDefault();
  const q = (document.getElementById('search-input') as HTMLInputElement).value.trim();
  if (q) location.hash = `#/search?q=${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', () => void route());
void route(false);
