import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { goto, useSite } from '../helpers/site.ts';

const env = useSite();

interface Visit {
  page: Page;
  errors: string[];
  /** The names of the files requested, without the content hash a build gives them ("middleware", not "middleware.BbGreLk4.css", which would match "elk"). */
  requests: string[];
}

async function visit(path: string): Promise<Visit> {
  const page = await env.browser.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('request', (r) => requests.push(new URL(r.url()).pathname.split('/').pop()!.split('.')[0]!));
  await goto(page, env.site.url(path));
  return { page, errors, requests };
}

describe('pages in headless Chromium', () => {
  it('renders the math of a topic page with KaTeX and without console errors', async () => {
    const { page, errors } = await visit('topics/positional-encoding/');
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a diagram as inline SVG drawn at build time, loading no diagram code', async () => {
    const { page, errors, requests } = await visit('topics/rag-prompting/');
    expect(await page.locator('.kb-diagram svg:visible').count()).toBe(1);
    expect(requests.filter((r) => /mermaid|elk|dagre|cytoscape|Diagram/i.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads no mermaid code on a page without a diagram', async () => {
    const { page, errors, requests } = await visit('topics/foundations/');
    expect(await page.locator('.kb-diagram').count()).toBe(0);
    expect(requests.filter((r) => /mermaid|Diagram/i.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows every diagram the site has without errors', async () => {
    for (const path of ['topics/transformer-architecture/', 'topics/attention/', 'topics/training/']) {
      const { page, errors } = await visit(path);
      expect(await page.locator('.kb-diagram svg:visible').count(), path).toBeGreaterThan(0);
      expect(errors, path).toEqual([]);
      await page.close();
    }
  });
});
