/**
 * The web explorer in a real browser: Debian's chromium driven by playwright-core, against
 * `startServer` over a real SQLite store holding the ingested samples. Screenshots go to
 * test-output/ui/. Skipped (with a message) only outside CI when chromium is not installed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { startServer } from '../src/server/index.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(import.meta.dirname, '..', 'test-output', 'ui');
const hasChromium = existsSync(CHROMIUM);
const hasUi = existsSync(join(import.meta.dirname, '..', 'dist', 'ui', 'index.html'));
if (process.env.CI && (!hasChromium || !hasUi)) throw new Error('CI needs /usr/bin/chromium and a built UI (npm run build)');

describe.skipIf(!hasChromium || !hasUi)('web explorer in chromium', () => {
  let dir: string;
  let store: Store;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ng-ui-'));
    const hostile = join(dir, 'hostile.html');
    writeFileSync(hostile, `<html><head><title>Hostile &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body><article><h1>Hostile</h1>
      <p>Russian President Vladimir Putin met officials in Moscow on Tuesday. &lt;img src=x onerror="window.__pwned=1"&gt; and
      <a href="javascript:window.__pwned=2">a link</a> <script>window.__pwned=3</script> &lt;script&gt;window.__pwned=4&lt;/script&gt;</p>
      <p>The talks were described as constructive by both sides, who agreed to meet again next month in Rome.</p></article></body></html>`);
    store = await openStore(join(dir, 'ui.db'));
    await ingest(store, [join(import.meta.dirname, '..', 'samples'), hostile], { jobs: 0 });
    server = await startServer({ store, port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    mkdirSync(OUT, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the sample and opens it with its layers and events', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: /1\.2011006-4012467280/ }).click();
    await page.waitForSelector('.article-text');
    // highlighted layers: Putin is an actor, linked to his actor page
    expect(await page.locator('.article-text a.hl-actors', { hasText: 'Vladimir Putin' }).count()).toBeGreaterThan(0);
    const events = page.locator('.event-list li');
    const texts = await events.allTextContents();
    const meeting = texts.find((t) => /Putin|Russia/.test(t) && /Mattarella|Italy/.test(t) && /\b04\d*/.test(t));
    const chemical = texts.find((t) => /chemical|attack/i.test(t) && /\b(18|19|20)\d*/.test(t));
    expect(meeting, `events listed: ${texts.join(' | ')}`).toBeTruthy();
    expect(chemical, `events listed: ${texts.join(' | ')}`).toBeTruthy();
    // the chemical attack's trigger is highlighted in the text and its evidence sentence is shown
    const chemItem = events.filter({ hasText: /chemical|attack/i }).first();
    const id = await chemItem.getAttribute('data-event');
    expect(await page.locator(`.article-text [data-event="${id}"]`).count()).toBe(1);
    await chemItem.locator('summary').click();
    expect(await chemItem.locator('.evidence').textContent()).toMatch(/chemical weapons attack on Idlib/);
    // the why panel opens the dictionary pattern that fired
    await chemItem.locator('.pattern-btn').click();
    await chemItem.locator('pre.pattern:not([hidden])').waitFor();
    expect(await chemItem.locator('pre.pattern').textContent()).toMatch(/^data\/events\/\w+\.tsv:\d+\n/);
    // layers toggle off and on
    await page.getByRole('checkbox', { name: 'actors' }).uncheck();
    expect(await page.locator('.article-text.show-actors').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'actors' }).check();
    await page.screenshot({ path: join(OUT, 'article.png'), fullPage: true });
  });

  it('opens Assad’s actor page with roles and a monthly chart', async () => {
    await page.goto(`${server.url}/#/search?q=Assad`);
    await page.getByRole('link', { name: /Assad/ }).first().click();
    await page.waitForSelector('.actor-page h1');
    expect(await page.locator('.actor-page h1').textContent()).toMatch(/Assad/);
    expect(await page.locator('.actor-page').textContent()).toMatch(/Names and aliases/);
    // steer: add an alias to the store's dictionary, then preview the re-coding
    await page.getByLabel('New alias').fill('the Damascus strongman');
    await page.getByRole('button', { name: 'Add alias' }).click();
    await page.locator('.steer-status', { hasText: /strongman/ }).waitFor();
    await page.getByRole('button', { name: 'Preview re-coding' }).click();
    await page.locator('.steer-status', { hasText: /Preview: \d+ article/ }).waitFor();
    await page.screenshot({ path: join(OUT, 'actor.png'), fullPage: true });
  });

  it('draws the graph and shows an edge’s evidence', async () => {
    await page.goto(`${server.url}/#/graph`);
    await page.waitForSelector('.graph-box canvas');
    const edge = page.locator('.edge-btn').first();
    await edge.click();
    await page.waitForSelector('.edge-panel .evidence');
    expect(await page.locator('.edge-panel .evidence').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'graph.png'), fullPage: true });
  });

  it('draws the map with event places', async () => {
    await page.goto(`${server.url}/#/map`);
    await page.waitForSelector('svg.map path.country');
    expect(await page.locator('svg.map path.country').count()).toBeGreaterThan(100);
    expect(await page.locator('svg.map circle.cluster').count()).toBeGreaterThan(0);
    await page.locator('.place-list button').first().click();
    expect(await page.locator('.map-panel li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'map.png'), fullPage: true });
  });

  it('analyses pasted text without storing it', async () => {
    const before = (await store.stats()).articles;
    await page.goto(`${server.url}/#/analyse`);
    await page.getByLabel('Article text or HTML').fill('Russian President Vladimir Putin met Italian President Sergio Mattarella in Moscow on Tuesday.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.waitForSelector('.analyse-out .article-text');
    expect(await page.locator('.analyse-out .article-text').textContent()).toMatch(/Mattarella/);
    expect((await store.stats()).articles).toBe(before);
  });

  it('never runs script from a hostile article', async () => {
    const hits = await store.search('Hostile');
    await page.goto(`${server.url}/#/article/${encodeURIComponent(hits[0]!.articleId)}`);
    await page.waitForSelector('.article-text');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('.article-text img, .article-text script').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('is keyboard navigable and passes axe-core checks for the article page', async () => {
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Skip to content/);
    await page.getByRole('link', { name: /1\.2011006-4012467280/ }).click();
    await page.waitForSelector('.article-text');
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // The CSP forbids inline <script> (as it should), so axe is injected through the DevTools protocol.
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => (window as any).axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }));
    const serious = result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v: any) => `${v.id}: ${v.nodes.length} ${v.nodes[0]?.html.slice(0, 120)}`)).toEqual([]);
    expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
