/**
 * A source of hostile snippets (tests/fixtures/hostile/hostile.txt), built into the test site with the real
 * sources: every snippet must show as the characters it contains, and nothing may run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';
import { goto, useSite } from '../helpers/site.ts';

const dist = inject('dist');
const base = inject('base');
const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));
const hostile = kb.entries.filter((e) => e.sources.includes('hostile'));

const MUST_SHOW = [
  '{props.secret}',
  '<Component prop={1} />',
  '{1+1}',
  '<script>alert("xss")</script>',
  '<script>document.body.dataset.pwned = "script"</script>',
  `<img src=x onerror="document.body.dataset.pwned='img'">`,
  'import { danger } from "evil"',
  'export const pwned = true',
  '<!-- this comment must stay visible -->',
  'The text after a comment must stay visible too.',
  '```python',
  'print("unclosed")',
  'And this line after the fence is still shown.',
  `[click me](javascript:document.body.dataset.pwned='link')`,
  '<javascript:alert(1)>',
  'A price of $5 and $10, a lone $ sign, and $$ unbalanced display math stay text.',
  'C:\\temp\\new',
  '\\{ \\}',
  "</title><script>document.body.dataset.pwned='title'</script>",
];

const env = useSite();

describe('hostile source text', () => {
  it('is in the test build', () => {
    expect(hostile).toHaveLength(9);
  });

  it('shows every snippet as text and runs none of it, on the topic pages and the answer pages', async () => {
    const pages = [...new Set(hostile.flatMap((e) => [e.url.split('#')[0]!, `${base}q/${e.id}/`]))];
    const page = await env.browser.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    let text = '';
    for (const path of pages) {
      await goto(page, `${env.site.origin}${path}`);
      expect(await page.evaluate(() => document.body.dataset.pwned), path).toBeUndefined();
      expect(await page.title(), path).not.toBe('');
      expect(await page.locator('a[href^="javascript:"]').count(), path).toBe(0);
      expect(await page.locator('main img[onerror], main script:not([type="module"]):not([src])').count(), path).toBe(0);
      text += await page.locator('main').innerText();
    }
    for (const snippet of MUST_SHOW) expect(text, snippet).toContain(snippet);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('still renders the real math among them', async () => {
    const entry = hostile.find((e) => e.question.includes('dollars'))!;
    const page = await env.browser.newPage();
    await goto(page, `${env.site.origin}${base}q/${entry.id}/`);
    // In the answer: its original, under "Sources and notes", renders it again.
    expect(await page.locator('main .katex').evaluateAll((all) => all.filter((e) => !e.closest('details')).length)).toBe(1);
    await page.close();
  });
});
