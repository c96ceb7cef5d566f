import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { analyze } from '../analyze.js';
import { NewsgraphError } from '../errors.js';
import { loadKb } from '../kb/index.js';
import type { KbRole } from '../kb/types.js';
import { dataPath } from '../paths.js';
import { editDictionary, storeAnalysisOptions, type DictionaryEdit } from '../steer/dictionaries.js';
import { recode } from '../steer/recode.js';
import type { Store, StoredEvent } from '../store/types.js';
import * as S from './schemas.js';

/** What the HTTP API needs: a store, and how writes are authorised and performed. */
export interface AppOptions {
  store: Store;
  /** Bearer token required by write endpoints (`NEWSGRAPH_TOKEN`). */
  token?: string;
  /** True when the server is bound beyond loopback: writes then need the token. */
  exposed?: boolean;
  /** Folder of the built web UI (index.html and assets); no UI when absent. */
  uiDir?: string;
  /** Request body cap in bytes (default 8 MB). */
  maxBodyBytes?: number;
  /** Stores analysed records; the corpus ingest pipeline. */
  ingest?: (records: Array<z.infer<typeof S.AnalyzeBody>>) => Promise<{ stored: number; skipped: number; failed: Array<{ id: string | null; error: string }> }>;
  /** Validate response bodies against their schemas (on in tests). */
  validateResponses?: boolean;
}

/** One API route, declared as data: the OpenAPI document and the validation come from the same table. */
interface Route {
  method: 'get' | 'post';
  path: string;
  summary: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  write?: boolean;
  handler: (c: Context, input: { query: any; body: any }) => Promise<unknown>;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const page = <T>(items: T[], offset: number, limit: number) => ({
  items: items.slice(0, limit),
  next: items.length > limit ? String(offset + limit) : null,
});

/**
 * Builds the HTTP API (and the web UI's static files) over a store.
 *
 * @example
 *   const app = createApp({ store: await openStore('newsgraph.db') });
 *   const res = await app.request('/api/events?actor=Q7747');
 */
export function createApp(opts: AppOptions): Hono {
  const { store } = opts;
  const routes: Route[] = [
    { method: 'get', path: '/api/stats', summary: 'Counts of everything in the store', handler: () => store.stats() },
    {
      method: 'get', path: '/api/search', summary: 'Search articles (full text), actors (names) and events (labels)', query: S.SearchQuery,
      handler: async (_c, { query }) => {
        const limit = query.limit ?? 20;
        const [articles, actors] = await Promise.all([store.search(query.q, { limit }), store.findActors(query.q, limit)]);
        const events = actors.length ? await store.events({ actor: actors[0]!.id, limit, modality: 'any' }) : [];
        return { articles, actors, events };
      },
    },
    {
      method: 'get', path: '/api/articles', summary: 'Articles, newest first by storage order, with cursor pagination', query: S.PageQuery, response: S.PageResponse,
      handler: async (_c, { query }) => {
        const offset = Number(query.cursor ?? 0);
        const limit = query.limit ?? 50;
        const items: Array<Record<string, unknown>> = [];
        let i = 0;
        for await (const row of store.rows('articles')) {
          if (i++ < offset) continue;
          items.push({ id: row.id, title: row.title, date: row.date, outlet: row.outlet, genre: row.genre, source: row.source, language: row.language });
          if (items.length > limit) break;
        }
        return page(items, offset, limit);
      },
    },
    {
      method: 'get', path: '/api/articles/:id', summary: 'One article as the analysis contract, with its story (copies)', response: S.AnalysisResponse,
      handler: async (c) => {
        const id = c.req.param('id')!;
        const analysis = await store.getAnalysis(id);
        if (!analysis) throw new HttpError(404, 'NG_NOT_FOUND', `no article '${id}'`);
        const article = await store.getArticle(id);
        return { ...analysis, story: article ? await store.story(article.storyId) : [] };
      },
    },
    {
      method: 'get', path: '/api/actors', summary: 'Actors matching a name, key, Q-id or CAMEO code', query: S.ActorsQuery,
      handler: async (_c, { query }) => ({ items: await store.findActors(query.q, query.limit ?? 20) }),
    },
    {
      method: 'get', path: '/api/actors/:ref', summary: 'Actor profile: names, roles over time, counterparts, monthly events by QuadClass', query: S.ProfileQuery,
      handler: async (c, { query }) => {
        const ref = actorRef(c.req.param('ref')!);
        const profile = await store.actorProfile(ref, query);
        if (!profile) throw new HttpError(404, 'NG_NOT_FOUND', `no actor '${ref}'`);
        return profile;
      },
    },
    {
      method: 'get', path: '/api/actors/:ref/neighbourhood', summary: 'Relations around an actor (depth 1 or 2)', query: S.NeighbourQuery,
      handler: async (c, { query }) => ({ items: await store.neighbourhood(actorRef(c.req.param('ref')!), query.depth) }),
    },
    {
      method: 'get', path: '/api/dyads', summary: 'Dyad timeline: A→B events by month with Goldstein sums', query: S.DyadQuery,
      handler: async (_c, { query }) => ({
        items: await store.dyadTimeline(actorRef(query.a), actorRef(query.b), {
          from: query.from, to: query.to, both: query.both === 'true', modality: query.modality,
        }),
      }),
    },
    {
      method: 'get', path: '/api/events', summary: 'Events filtered by actor, code, root, PLOVER type, dates, place, country, modality', query: S.EventsQuery, response: S.PageResponse,
      handler: async (_c, { query }) => {
        const offset = Number(query.cursor ?? 0);
        const limit = query.limit ?? 50;
        const items = await store.events({
          actor: optRef(query.actor), source: optRef(query.source), target: optRef(query.target), code: query.code, root: query.root,
          ploverType: query.plover, quadClass: query.quadClass, from: query.from, to: query.to, place: query.place,
          country: query.country, modality: query.modality, articleId: query.article, incidentId: query.incident,
          limit: limit + 1, offset,
        });
        return page(items, offset, limit);
      },
    },
    {
      method: 'get', path: '/api/events/:id/why', summary: 'An event with its evidence sentence, rule and incident',
      handler: async (c) => {
        const raw = c.req.param('id')!;
        const evidence = await store.why(/^\d+$/.test(raw) ? Number(raw) : raw);
        if (!evidence) throw new HttpError(404, 'NG_NOT_FOUND', `no event '${raw}'`);
        return evidence;
      },
    },
    {
      method: 'get', path: '/api/incidents', summary: 'Incidents: events of different articles describing one happening', query: S.IncidentsQuery,
      handler: async (_c, { query }) => ({ items: await store.incidents({ minSources: query.minSources, limit: query.limit ?? 50 }) }),
    },
    {
      method: 'get', path: '/api/graph', summary: 'Actor graph: aggregated event dyads and relations as edges', query: S.GraphQuery,
      handler: async (_c, { query }) => graph(store, query),
    },
    {
      method: 'post', path: '/api/analyze', summary: 'Analyse text or HTML and return the analysis contract (nothing is stored)', body: S.AnalyzeBody, response: S.AnalysisResponse,
      handler: async (_c, { body }) => analyze({ ...body, source: body.url }, { date: body.date?.length === 10 ? body.date : undefined }),
    },
    {
      method: 'post', path: '/api/ingest', summary: 'Analyse and store records (needs the token when the server is exposed)', body: S.IngestBody, write: true,
      handler: async (_c, { body }) => {
        if (!opts.ingest) throw new HttpError(501, 'NG_UNSUPPORTED', 'this server has no ingest pipeline');
        return opts.ingest(body.records);
      },
    },
    {
      method: 'get', path: '/api/pattern', summary: 'The dictionary line behind a rule ("data/events/verbs.tsv:12"), with its file header', query: S.PatternQuery,
      handler: async (_c, { query }) => patternLine(query.ref),
    },
    {
      method: 'post', path: '/api/dictionaries', summary: "Edit the store's actor dictionary: add an alias or a role with dates, or add an unlinked actor", body: S.DictionaryBody, write: true,
      handler: async (_c, { body }) => editDictionary(store.location, dictionaryEdit(body, store.location)),
    },
    {
      method: 'post', path: '/api/recode', summary: 'Re-code the articles a dictionary change affects (dryRun: only show the diff)', body: S.RecodeBody, write: true,
      handler: async (_c, { body }) => {
        const r = await recode(store, { dryRun: body.dryRun, examples: 10, waitMs: 10_000 });
        return { affected: r.affected.length, articles: r.affected.slice(0, 50), diff: r.diff, runId: r.runId, dryRun: body.dryRun };
      },
    },
  ];

  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
  });
  app.use('/api/*', bodyLimit({
    maxSize: opts.maxBodyBytes ?? 8 * 1024 * 1024,
    onError: (c) => c.json({ error: { code: 'NG_BODY_TOO_LARGE', message: 'request body is larger than the limit' } }, 413),
  }));

  for (const route of routes) {
    app[route.method](route.path, async (c) => {
      if (route.write) authorise(c, opts);
      const query = route.query ? parse(route.query, c.req.query(), 'query') : {};
      let body: unknown;
      if (route.body) {
        let json: unknown;
        try {
          json = await c.req.json();
        } catch {
          throw new HttpError(400, 'NG_BAD_REQUEST', 'body is not valid JSON');
        }
        body = parse(route.body, json, 'body');
      }
      const result = await route.handler(c, { query, body });
      if (opts.validateResponses && route.response) {
        const check = route.response.safeParse(result);
        if (!check.success) throw new Error(`response of ${route.path} does not match its schema: ${check.error.message}`);
      }
      return c.json(result as object);
    });
  }
  app.get('/openapi.json', (c) => c.json(openapi(routes)));
  app.all('/api/*', () => { throw new HttpError(404, 'NG_NOT_FOUND', 'no such endpoint'); });
  if (opts.uiDir) serveUi(app, opts.uiDir);

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json({ error: { code: err.code, message: err.message } }, err.status as 400);
    if (err instanceof NewsgraphError) {
      const status = err.code === 'NG_DB_LOCKED' ? 409 : 400;
      return c.json({ error: { code: err.code, message: err.message } }, status);
    }
    console.error(`newsgraph serve: ${err.message}`);
    return c.json({ error: { code: 'NG_INTERNAL', message: 'internal error' } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: 'NG_NOT_FOUND', message: 'not found' } }, 404));
  return app;
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const field = issue.path.join('.');
    throw new HttpError(400, 'NG_BAD_REQUEST', `${where}${field ? ` '${field}'` : ''}: ${issue.message}`);
  }
  return r.data;
}

/** Write endpoints: open on loopback; beyond loopback they need `Authorization: Bearer <NEWSGRAPH_TOKEN>`. */
function authorise(c: Context, opts: AppOptions): void {
  if (!opts.exposed && !opts.token) return;
  if (!opts.token) throw new HttpError(403, 'NG_FORBIDDEN', 'writes are disabled: the server is exposed and NEWSGRAPH_TOKEN is not set');
  if (c.req.header('authorization') !== `Bearer ${opts.token}`) throw new HttpError(401, 'NG_UNAUTHORIZED', 'missing or wrong bearer token');
}

const actorRef = (s: string): number | string => (/^\d+$/.test(s) ? Number(s) : s);
const optRef = (s: string | undefined) => (s === undefined ? undefined : actorRef(s));

async function graph(store: Store, query: z.infer<typeof S.GraphQuery>) {
  const events: StoredEvent[] = await store.events({ from: query.from, to: query.to, modality: query.modality, limit: query.limit });
  const nodes = new Map<number, { id: number; name: string; cameo: string | null; events: number }>();
  const edges = new Map<string, { source: number; target: number; kind: 'events'; events: number; goldstein: number; quad: number[]; sample: number[] }>();
  for (const e of events) {
    if (!e.source || !e.target) continue;
    for (const a of [e.source, e.target]) {
      const n = nodes.get(a.id) ?? { id: a.id, name: a.name, cameo: a.cameo, events: 0 };
      n.events++;
      nodes.set(a.id, n);
    }
    const key = `${e.source.id}>${e.target.id}`;
    const edge = edges.get(key) ?? { source: e.source.id, target: e.target.id, kind: 'events' as const, events: 0, goldstein: 0, quad: [0, 0, 0, 0], sample: [] };
    edge.events++;
    edge.goldstein += e.goldstein;
    edge.quad[e.quadClass - 1]!++;
    if (edge.sample.length < 20) edge.sample.push(e.id);
    edges.set(key, edge);
  }
  const relations: Array<Record<string, unknown>> = [];
  for await (const r of store.rows('relations')) {
    relations.push(r);
    if (relations.length >= query.limit) break;
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], relations };
}

/** Dictionary files whose lines a rule may cite; read once, so no request path reaches the file system. */
let patternFiles: Map<string, string[]> | undefined;
function patternLine(ref: string) {
  if (!patternFiles) {
    patternFiles = new Map();
    const dir = dataPath('events');
    for (const name of readdirSync(dir)) if (/\.(tsv|yaml)$/.test(name)) patternFiles.set(`data/events/${name}`, readFileSync(join(dir, name), 'utf8').split('\n'));
  }
  const m = /^(data\/events\/[\w.-]+):(\d+)$/.exec(ref);
  const lines = m ? patternFiles.get(m[1]!) : undefined;
  const n = m ? Number(m[2]) : 0;
  if (!m || !lines || n < 1 || n > lines.length) throw new HttpError(404, 'NG_NOT_FOUND', `no dictionary line '${ref}'`);
  const header = lines.find((l) => l.startsWith('#') && l.includes('\t')) ?? lines.find((l) => !l.startsWith('#')) ?? '';
  return { file: m[1], line: n, text: lines[n - 1], header };
}

/** The dictionary edit a request asks for, with the actor named by its store key resolved to its KB id. */
function dictionaryEdit(body: z.infer<typeof S.DictionaryBody>, location: string): DictionaryEdit {
  if (body.op === 'add-actor') {
    const id = body.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { op: 'add-actor', actor: { id: `user-${id}`, name: body.name, type: body.type, ...(body.cameo ? { cameo: body.cameo } : {}), ...(body.alias ? { aliases: [body.alias] } : {}) } };
  }
  const kbId = kbIdOf(body.actor, location);
  if (body.op === 'add-alias') return { op: 'add-alias', id: kbId, alias: body.alias };
  const role: KbRole = { title: body.title, kind: body.kind, org: body.org, from: body.from ?? null, to: body.to ?? null };
  return { op: 'add-role', id: kbId, role };
}

function kbIdOf(key: string, location: string): string {
  if (key.startsWith('kb:')) return key.slice(3);
  const kb = loadKb(storeAnalysisOptions(location));
  if (kb.get(key)) return key;
  for (const a of kb.actors.values()) if (a.qid === key) return a.id;
  throw new HttpError(400, 'NG_BAD_REQUEST', `actor '${key}' is not in the knowledge base; add it as a new actor first`);
}

/** The OpenAPI 3.1 document, generated from the route table. */
function openapi(routes: Route[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:([a-z]+)/g, '{$1}');
    const params: unknown[] = [...r.path.matchAll(/:([a-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    if (r.query) {
      const js = z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        params.push({ name, in: 'query', required: js.required?.includes(name) ?? false, schema });
      }
    }
    (paths[path] ??= {})[r.method] = {
      summary: r.summary,
      parameters: params,
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } } } : {}),
      ...(r.write ? { security: [{ bearer: [] }] } : {}),
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: r.response ? z.toJSONSchema(r.response, { unrepresentable: 'any' }) : {} } } },
        default: { description: 'Error', content: { 'application/json': { schema: z.toJSONSchema(S.ErrorBody) } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'newsgraph API', version: '1', description: 'Actors, events, places and evidence reconstructed from news articles.' },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

/**
 * Serves the built UI. The file list is read once at start: a request path is only ever looked up
 * in that list, so no path parameter reaches the file system. Unknown paths get index.html (client routing).
 */
function serveUi(app: Hono, dir: string): void {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(`/${relative(dir, full).split('\\').join('/')}`, full);
    }
  };
  walk(dir);
  const index = files.get('/index.html');
  app.get('*', (c) => {
    const path = new URL(c.req.url).pathname;
    const file = files.get(path) ?? index;
    if (!file) return c.json({ error: { code: 'NG_NOT_FOUND', message: 'not found' } }, 404);
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    return c.body(readFileSync(file), 200, { 'Content-Type': type, 'Cache-Control': file === index ? 'no-cache' : 'max-age=3600' });
  });
}
