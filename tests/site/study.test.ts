/**
 * Study mode in headless Chromium: cards studied with the keyboard and rated, progress that survives a reload
 * and moves between browsers by export and import, marks set on topic pages, a corrupted store, accessibility,
 * offline use and the JavaScript budget. Time is Playwright's fake clock, so "later that day" and "the next
 * day" are exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { goto, reload, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const TOPIC = 'attention';
const MORNING = new Date('2025-03-10T09:00:00');
const MINUTE = 60_000;

const env = useSite();

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  scripts: string[];
}

async function open(path: string, options: { theme?: 'light' | 'dark'; width?: number; context?: BrowserContext } = {}): Promise<Opened> {
  const context = options.context ?? (await env.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.theme ?? 'light', acceptDownloads: true }));
  if (!options.context) await context.clock.install({ time: MORNING });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => new URL(r.url()).pathname.endsWith('.js') && scripts.push(new URL(r.url()).pathname));
  if (options.theme) await page.addInitScript((theme) => localStorage.setItem('starlight-theme', theme), options.theme);
  await goto(page, env.site.url(path));
  return { context, page, errors, scripts };
}

/** The study page has built its deck from every card on the page. */
async function ready(page: Page): Promise<void> {
  await page.locator('#kb-study[data-ready="true"]').waitFor();
}

/** The answers of the chosen cards have arrived (study/answers/<topic>/): the page studies offline from here. */
async function answersLoaded(page: Page): Promise<void> {
  await page.locator('#kb-study[data-answers="loaded"]').waitFor({ state: 'attached' });
}

/** A topic page has filled in the saved progress and shown its study controls. */
async function marksShown(page: Page): Promise<void> {
  await page.locator('html[data-kb-marks="shown"]').waitFor({ state: 'attached' });
}

const question = (page: Page) => page.locator('#kb-card-question').innerText();

/** Space shows the answer, a digit rates it; returns the question studied. */
async function studyWithKeys(page: Page, key: '1' | '2' | '3' | '4'): Promise<string> {
  const asked = await question(page);
  await page.locator('#kb-card-question').focus();
  await page.keyboard.press('Space');
  await expect.poll(() => page.locator('#kb-card-answer').isVisible()).toBe(true);
  expect(await page.locator('#kb-card-rate').isVisible()).toBe(true);
  await page.keyboard.press(key);
  await expect.poll(async () => (await page.locator('#kb-card').isHidden()) || (await question(page)) !== asked || (await page.locator('#kb-card-answer').isHidden())).toBe(true);
  return asked;
}

/** Studies with the keys given until the day's cards are done; returns the questions shown, in order. */
async function studyUntilDone(page: Page, key: '1' | '2' | '3' | '4'): Promise<string[]> {
  const shown: string[] = [];
  while (await page.locator('#kb-card').isVisible()) {
    shown.push(await studyWithKeys(page, key));
    expect(shown.length).toBeLessThan(30);
  }
  return shown;
}

async function chooseTopicWithLimit(page: Page, limit: number): Promise<void> {
  await goto(page, env.site.url(`study/?topic=${TOPIC}`));
  await ready(page);
  await page.locator('input[name="newPerDay"]').fill(String(limit));
  await page.locator('input[name="newPerDay"]').dispatchEvent('change');
}

describe('the study page', () => {
  it('holds one card per entry, each answer inert in a template with no script and opening on "In short", hostile sources included', async () => {
    const { context, page } = await open('study/');
    await ready(page);
    await page.locator('#kb-show-answer').click();
    await answersLoaded(page);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLTemplateElement>('template[data-entry]')].map((t) => ({
        id: t.dataset.entry!,
        // The site's own bundled modules (Expressive Code's copy button for a code block) are not source text.
        active: [...t.content.querySelectorAll('*')].filter(
          (el) =>
            (/^(script|iframe|img|object|embed)$/i.test(el.tagName) && !/\/_astro\/[\w.-]+\.js$/.test(el.getAttribute('src') ?? '')) ||
            [...el.attributes].some((a) => /^on/i.test(a.name)),
        ).length,
        // Where the answer came from, one disclosure, as on the answer page.
        provenance: t.content.querySelectorAll('.kb-provenance').length,
        short: t.content.firstElementChild?.classList.contains('kb-short') ?? false,
      })),
    );
    expect(cards.map((c) => c.id)).toEqual(kb.entries.map((e) => e.id));
    expect(kb.entries.some((e) => e.sources.includes('hostile'))).toBe(true);
    expect(cards.filter((c) => c.active > 0 || c.provenance !== 1)).toEqual([]);
    // The back of a card opens on "In short", where the entry has one (the hostile test source's have none).
    const shortIds = new Set(kb.entries.filter((e) => e.short).map((e) => e.id));
    expect(cards.filter((c) => shortIds.has(c.id) && !c.short).map((c) => c.id)).toEqual([]);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    await context.close();
  });

  it('studies cards by keyboard; after a reload, cards rated Again and Good come back that day and cards rated Easy do not', async () => {
    const { context, page, errors } = await open('study/');
    await ready(page);
    await chooseTopicWithLimit(page, 4);
    expect(await page.locator('#kb-card-topic').innerText()).toBe(kb.topics.find((t) => t.id === TOPIC)!.title);
    expect(await page.locator('#kb-card-reason').innerText()).toBe('New card');

    const easy = [await studyWithKeys(page, '4')];
    await expect.poll(() => page.locator('#kb-study-live').innerText()).toMatch(/^Rated Easy: back in \d+ days?\.$/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kb-card-question');
    easy.push(await studyWithKeys(page, '4'));
    const again = await studyWithKeys(page, '1');
    const good = await studyWithKeys(page, '3');
    expect(new Set([...easy, again, good]).size).toBe(4);

    // The rating buttons say when each rating brings the card back.
    await page.keyboard.press('Space');
    const labels = await page.locator('#kb-card-rate button').allInnerTexts();
    expect(labels.map((l) => l.split(/\s+/)[0])).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    for (const label of labels) expect(label).toMatch(/\d+ (min|h|days?|mo|yr)/);

    await reload(page);
    await ready(page);
    await page.clock.fastForward(15 * MINUTE);
    await reload(page);
    await ready(page);
    const laterThatDay = await studyUntilDone(page, '3');
    expect(laterThatDay).toContain(again);
    expect(laterThatDay).toContain(good);
    for (const q of easy) expect(laterThatDay).not.toContain(q);
    expect(await page.locator('#kb-study-done').innerText()).toMatch(/^Nothing more to study now/);

    // The next day: the card that needed Again graduated to one day and comes first; the one known at once
    // (Good, Good) waits two days, the Easy ones more; then today's new cards.
    await page.clock.fastForward('26:00:00');
    await reload(page);
    await ready(page);
    expect(await page.locator('#kb-card-reason').innerText()).toBe('Due for review');
    const nextDay = await studyUntilDone(page, '4');
    expect(nextDay[0]).toBe(again);
    expect(nextDay).toHaveLength(5);
    expect(nextDay).not.toContain(good);
    for (const q of easy) expect(nextDay).not.toContain(q);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes back the last rating: the card comes back as it was, also after a reload', async () => {
    const { context, page, errors } = await open('study/');
    await chooseTopicWithLimit(page, 4);
    const summary = await page.locator('#kb-study-summary').innerText();
    const first = await studyWithKeys(page, '4');
    expect(await page.locator('#kb-undo').isVisible()).toBe(true);
    expect(await page.locator('#kb-undo').innerText()).toMatch(/^Rated Easy, back in .+ Undo$/);
    expect(await question(page)).not.toBe(first);
    await page.locator('#kb-undo button').click();
    expect(await question(page)).toBe(first);
    expect(await page.locator('#kb-study-summary').innerText()).toBe(summary);
    expect(await page.locator('#kb-undo').isHidden()).toBe(true);
    await reload(page);
    await ready(page);
    expect(await question(page)).toBe(first);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports progress to a file and restores the same progress from it in a fresh browser', async () => {
    const { context, page } = await open('study/');
    await ready(page);
    await chooseTopicWithLimit(page, 3);
    await studyWithKeys(page, '4');
    await studyWithKeys(page, '3');
    await studyWithKeys(page, '1');
    const before = { summary: await page.locator('#kb-study-summary').innerText(), store: await page.evaluate(() => localStorage.getItem('kb-study')) };
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#kb-export')]);
    const file = join(tmpdir(), `study-export-${process.pid}.json`);
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(before.store!));
    await context.close();

    const fresh = await open('study/');
    await ready(fresh.page);
    expect(await fresh.page.locator('#kb-study-summary').innerText()).not.toBe(before.summary);
    await fresh.page.setInputFiles('#kb-import', file);
    await expect.poll(() => fresh.page.locator('#kb-study-live').innerText()).toMatch(/^Progress imported from study-export-\d+\.json: 3 cards\.$/);
    expect(await fresh.page.locator('#kb-study-summary').innerText()).toBe(before.summary);
    expect(JSON.parse((await fresh.page.evaluate(() => localStorage.getItem('kb-study')))!)).toEqual(JSON.parse(before.store!));
    // Easy left the learning steps at once; Good and Again are still in them.
    expect(await fresh.page.locator(`[data-counts="${TOPIC}"]`).innerText()).toMatch(/, 2 in learning, 0 due, 1 learned$/);

    // A file that is not progress changes nothing and says why.
    await fresh.page.setInputFiles('#kb-import', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect.poll(() => fresh.page.locator('#kb-study-problem').innerText()).toMatch(/^notes\.json could not be imported: it is not study progress/);
    expect(JSON.parse((await fresh.page.evaluate(() => localStorage.getItem('kb-study')))!)).toEqual(JSON.parse(before.store!));
    expect(fresh.errors).toEqual([]);
    await fresh.context.close();
  });

  it('reports a corrupted store, keeps a copy, resets it and goes on working', async () => {
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('kb-study', '{"version":1,"cards":{"x":');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const { page, errors } = await open('study/', { context });
    await ready(page);
    expect(await page.getByRole('alert').innerText()).toMatch(/^Your saved study progress could not be read \(it is not valid JSON\), so it was reset\./);
    expect(await page.evaluate(() => localStorage.getItem('kb-study-unreadable'))).toBe('{"version":1,"cards":{"x":');
    await studyWithKeys(page, '3');
    await reload(page);
    await ready(page);
    expect(await page.locator('#kb-study-problem').isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works offline once the chosen cards\' answers are in, which showing the first answer starts loading', async () => {
    const { context, page, errors } = await open('study/');
    await ready(page);
    await studyWithKeys(page, '3');
    await answersLoaded(page);
    await context.setOffline(true);
    const studied = [await studyWithKeys(page, '3'), await studyWithKeys(page, '4'), await studyWithKeys(page, '4')];
    expect(await page.locator('#kb-card-answer').isHidden()).toBe(true);
    expect(new Set(studied).size).toBe(3);
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await context.close();
  });

  it('shows its first card before the answers arrive, then the answer once its topic\'s answers are in; offline, says where the answer is', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.clock.install({ time: MORNING });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/study/answers/**', async (route) => {
      await held;
      await route.continue();
    });
    const page = await context.newPage();
    // Not goto: the network is not idle while the answers are held back.
    await page.goto(env.site.url('study/'), { waitUntil: 'load' });
    await ready(page);
    expect(await question(page)).not.toBe('');
    expect(await page.locator('#kb-study').getAttribute('data-answers')).toBe('loading');
    await page.locator('#kb-card-question').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#kb-card-answer').innerText()).toBe('Loading the answer…');
    release();
    await expect.poll(() => page.locator('#kb-card-answer .kb-short').count()).toBe(1);
    await context.close();

    // Offline before the answers came: the card still shows, and its answer says where to read it.
    const offline = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await offline.route('**/study/answers/**', (route) => route.abort('internetdisconnected'));
    const cut = await offline.newPage();
    await goto(cut, env.site.url('study/'));
    await ready(cut);
    await cut.locator('#kb-card-question').focus();
    await cut.keyboard.press('Space');
    await expect.poll(() => cut.locator('#kb-card-answer').innerText()).toMatch(/could not be loaded.*its own page/);
    const link = await cut.locator('#kb-card-answer a').getAttribute('href');
    expect(link).toBe(`${base}q/${await cut.locator('#kb-card').getAttribute('data-entry')}/`);
    expect(await cut.locator('#kb-card-rate').isVisible()).toBe(true);
    await offline.close();
  });

  it('counts a card as learned only once it leaves the learning steps, the same on the study page and on its topic page', async () => {
    const { context, page, errors } = await open('study/');
    const entries = kb.entries.filter((e) => e.topic === TOPIC);
    const n = entries.length;
    const studyCounts = () => page.locator(`[data-counts="${TOPIC}"]`).innerText();
    const studiedEntry = async (key: '1' | '3') => {
      const id = (await page.locator('#kb-card').getAttribute('data-entry'))!;
      await studyWithKeys(page, key);
      return id;
    };
    /** The topic page's summary and the status under each entry's heading. */
    const topicPage = async (ids: string[]) => {
      await goto(page, env.site.url(`topics/${TOPIC}/`));
      await marksShown(page);
      const summary = (await page.locator('.kb-study-progress').innerText()).replace(/ Study this topic$/, '');
      const statuses = await Promise.all(ids.map((id) => page.locator('.kb-mark').nth(entries.findIndex((e) => e.id === id)).locator('span').innerText()));
      await goto(page, env.site.url('study/'));
      await ready(page);
      return { summary, statuses };
    };
    await chooseTopicWithLimit(page, 2);
    expect(await studyCounts()).toBe(`${n} new, 0 in learning, 0 due, 0 learned`);

    // Again on a new card: back in a minute, in learning.
    const again = await studiedEntry('1');
    expect(await studyCounts()).toBe(`${n - 1} new, 1 in learning, 0 due, 0 learned`);
    expect(await page.locator('#kb-study-summary').innerText()).toMatch(/, 1 in learning, 0 learned\.$/);
    // Good once: back in ten minutes, still in learning.
    const good = await studiedEntry('3');
    expect(await studyCounts()).toBe(`${n - 2} new, 2 in learning, 0 due, 0 learned`);
    expect(await topicPage([again, good])).toEqual({
      summary: `Your study progress here: ${n - 2} new, 2 in learning, 0 due, 0 learned.`,
      statuses: ['Still learning', 'Still learning'],
    });

    // Ten minutes later both are due; Good on each: the one rated Good before leaves the learning steps (review
    // in days), the one rated Again moves to its second step.
    await page.clock.fastForward(10 * MINUTE);
    await reload(page);
    await ready(page);
    expect(await studyCounts()).toBe(`${n - 2} new, 0 in learning, 2 due, 0 learned`);
    expect(await studiedEntry('3')).toBe(again);
    expect(await studiedEntry('3')).toBe(good);
    expect(await studyCounts()).toBe(`${n - 2} new, 1 in learning, 0 due, 1 learned`);
    expect(await topicPage([again, good])).toEqual({
      summary: `Your study progress here: ${n - 2} new, 1 in learning, 0 due, 1 learned.`,
      statuses: ['Still learning', 'Learned'],
    });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('study controls on topic pages', () => {
  it('show the topic’s counts and mark entries as known or to review later, which the study page follows', async () => {
    const { context, page, errors } = await open(`topics/${TOPIC}/`);
    await marksShown(page);
    const entries = kb.entries.filter((e) => e.topic === TOPIC);
    const progress = page.locator('.kb-study-progress');
    expect(await progress.innerText()).toBe(`Your study progress here: ${entries.length} new, 0 in learning, 0 due, 0 learned. Study this topic`);
    expect(await progress.getByRole('link').getAttribute('href')).toBe(`${base}study/?topic=${TOPIC}`);
    expect(await page.locator('.kb-mark').count()).toBe(entries.length);

    const marks = page.locator('.kb-mark');
    await marks.nth(2).getByRole('button', { name: 'Review later' }).click();
    expect(await marks.nth(2).locator('span').innerText()).toBe('Due for review');
    await expect.poll(() => page.locator('#kb-marks-live').innerText()).toMatch(/^Marked to review soon: /);
    await marks.nth(0).getByRole('button', { name: 'Mark as known' }).focus();
    await page.keyboard.press('Enter');
    expect(await marks.nth(0).locator('span').innerText()).toBe('Learned');
    expect(await progress.innerText()).toMatch(new RegExp(`^Your study progress here: ${entries.length - 2} new, 0 in learning, 1 due, 1 learned\\.`));

    await goto(page, env.site.url('study/'));
    await ready(page);
    expect(await page.locator('#kb-card-reason').innerText()).toBe('Marked to review');
    expect(await question(page)).toBe(await page.locator(`template[data-entry="${entries[2]!.id}"]`).getAttribute('data-question'));
    expect(await page.locator(`[data-counts="${TOPIC}"]`).innerText()).toBe(`${entries.length - 2} new, 0 in learning, 1 due, 1 learned`);

    // Back on the topic page the known entry is still learned: the study page scheduled it.
    await goto(page, env.site.url(`topics/${TOPIC}/`));
    await marksShown(page);
    expect(await page.locator('.kb-mark').nth(0).locator('span').innerText()).toBe('Learned');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('study mode is light and accessible', () => {
  const gzipKb = (paths: string[]) => [...new Set(paths)].reduce((n, p) => n + gzipSync(readFileSync(join(dist, p.slice(base.length)))).length, 0) / 1024;

  it('loads at most 90 KB of JavaScript (gzip) on the study page, only a small marks script on topic pages, and none elsewhere', async () => {
    const study = await open('study/');
    await ready(study.page);
    const studyKb = gzipKb(study.scripts);
    expect(studyKb).toBeLessThanOrEqual(90);
    await study.context.close();

    const topic = await open(`topics/${TOPIC}/`);
    const studyCode = topic.scripts.filter((s) => /Study|study|status/.test(s));
    expect(studyCode.some((s) => s.includes('StudyMarks'))).toBe(true);
    expect(studyCode.filter((s) => /Study\.astro/.test(s))).toEqual([]);
    expect(gzipKb(studyCode)).toBeLessThan(3);
    await topic.context.close();

    for (const path of ['', 'glossary/', 'sources/', `q/${kb.entries[0]!.id}/`]) {
      const other = await open(path);
      expect(other.scripts.filter((s) => /Study|study|status/.test(s)), path).toEqual([]);
      await other.context.close();
    }
  });

  it('keeps the study page to its questions, at most 60 KB of HTML (gzip): the answers load apart, a topic at a time', () => {
    const page = (path: string) => gzipSync(readFileSync(join(dist, path, 'index.html'))).length / 1024;
    expect(page('study')).toBeLessThanOrEqual(60);
    for (const topic of kb.topics) expect(existsSync(join(dist, 'study/answers', topic.id, 'index.html')), topic.id).toBe(true);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.2 AA violation found by axe-core with a card and with its answer shown, ${theme} theme`, async () => {
      const { context, page } = await open('study/', { theme });
      await ready(page);
      const violations: string[] = [];
      const check = async (state: string) => {
        await page.addScriptTag({ content: AXE });
        const found: string[] = await page.evaluate(async (tags) => {
          // @ts-expect-error axe is injected above
          const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        }, WCAG_22_AA);
        violations.push(...found.map((v) => `${state}: ${v}`));
      };
      await check('question');
      await page.click('#kb-show-answer');
      await check('answer');
      // Focus is visible on the rating buttons.
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).not.toBe('none');
      expect(violations).toEqual([]);
      await context.close();
    });
  }

  it('fits a 360 px screen, question and answer shown', async () => {
    const { context, page } = await open('study/', { width: 360 });
    await ready(page);
    await page.click('#kb-show-answer');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });
});
