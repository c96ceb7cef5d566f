import { api, qs } from '../api.js';
import { h } from '../dom.js';
import { renderArticle, type AnalysisView } from './article.js';

/** Home: store counts and the articles, with cursor pagination. */
export async function homeView(): Promise<HTMLElement> {
  const stats = await api<any>('/api/stats');
  const list = h('ol', { class: 'article-list' });
  const more = h('button', { type: 'button' }, 'More articles');
  let cursor: string | null = null;
  const load = async () => {
    const page = await api<any>(`/api/articles${qs({ cursor, limit: 50 })}`);
    for (const a of page.items) {
      list.appendChild(h('li', {}, h('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title ?? a.id), ` · ${a.date ?? 'undated'}${a.outlet ? ` · ${a.outlet}` : ''}`));
    }
    cursor = page.next;
    more.hidden = !cursor;
  };
  more.addEventListener('click', () => void load());
  await load();
  return h('div', {}, h('h1', {}, 'Articles'),
    h('p', { class: 'sub' }, `${stats.articles} articles in ${stats.stories} stories · ${stats.actors} actors · ${stats.events} events · ${stats.incidents} incidents`),
    list, more);
}

export async function articleView(id: string): Promise<HTMLElement> {
  const a = await api<AnalysisView>(`/api/articles/${encodeURIComponent(id)}`);
  return renderArticle(a, { linkActors: true });
}

export async function searchView(q: string): Promise<HTMLElement> {
  const r = await api<any>(`/api/search${qs({ q })}`);
  const snippet = (s: string) => s.split(/(«[^»]*»)/).map((part) => (part.startsWith('«') ? h('mark', {}, part.slice(1, -1)) : part));
  return h('div', {}, h('h1', {}, `Results for “${q}”`),
    h('section', { 'aria-labelledby': 'sa-h' }, h('h2', { id: 'sa-h' }, `Actors (${r.actors.length})`),
      h('ul', {}, r.actors.map((a: any) => h('li', {}, h('a', { href: `#/actor/${encodeURIComponent(a.key)}` }, a.name), ` · ${a.type}${a.cameo ? ` · ${a.cameo}` : ''}`)))),
    h('section', { 'aria-labelledby': 'sr-h' }, h('h2', { id: 'sr-h' }, `Articles (${r.articles.length})`),
      h('ul', {}, r.articles.map((a: any) => h('li', {}, h('a', { href: `#/article/${encodeURIComponent(a.articleId)}` }, a.title ?? a.articleId), h('p', { class: 'snippet' }, snippet(a.snippet)))))),
    h('section', { 'aria-labelledby': 'se-h' }, h('h2', { id: 'se-h' }, `Events (${r.events.length})`),
      h('ul', {}, r.events.map((e: any) => h('li', {}, `${e.source?.name ?? '—'} → ${e.target?.name ?? '—'} · ${e.code} ${e.label} · ${e.modality} `, h('a', { href: `#/article/${encodeURIComponent(e.articleId)}` }, 'article'))))));
}

/** Analyse: paste an article's text or HTML and see the result at once, without storing it. */
export function analyseView(): HTMLElement {
  const area = h('textarea', { id: 'an-text', rows: 12, placeholder: 'Paste article text or HTML' });
  const date = h('input', { type: 'date', id: 'an-date' });
  const out = h('div', { class: 'analyse-out', 'aria-live': 'polite' });
  const form = h('form', { class: 'analyse-form', onsubmit: async (e: Event) => {
    e.preventDefault();
    out.replaceChildren(h('p', {}, 'Analysing…'));
    const value = area.value;
    const body = /^\s*</.test(value) ? { html: value } : { text: value };
    try {
      const a = await api<AnalysisView>('/api/analyze', { method: 'POST', body: JSON.stringify({ ...body, ...(date.value ? { date: date.value } : {}) }) });
      out.replaceChildren(renderArticle(a, { linkActors: false }));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, (err as Error).message));
    }
  } },
  h('label', { for: 'an-text' }, 'Article text or HTML'), area,
  h('label', { for: 'an-date' }, 'Publication date (optional)'), date,
  h('button', { type: 'submit' }, 'Analyse'));
  return h('div', {}, h('h1', {}, 'Analyse an article'), form, out);
}
