import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { KnowledgeBase } from '../../scripts/lib/read/schema.ts';

const dist = inject('dist');
const base = inject('base');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'pagefind' ? [] : htmlFiles(path);
    return d.name.endsWith('.html') ? [path] : [];
  });
}

/** The HTML file a site path is served from, or undefined. */
function fileFor(path: string): string | undefined {
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length);
  const candidates = [join(dist, rest), join(dist, rest, 'index.html')];
  return candidates.find((c) => {
    try {
      return readdirSync(join(c, '..')).includes(c.split('/').pop()!) && c.endsWith('.html');
    } catch {
      return false;
    }
  });
}

/** A page Astro writes for a redirect (astro.config.mjs `redirects`): no content of its own, kept out of search engines. */
const isRedirect = (html: string) => /<meta http-equiv="refresh"/.test(html);

const idsCache = new Map<string, Set<string>>();
function idsIn(file: string): Set<string> {
  if (!idsCache.has(file)) idsCache.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
  return idsCache.get(file)!;
}

describe('the built site under a sub-path base', () => {
  const kb: KnowledgeBase = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8'));

  it('serves kb.json with URLs under the base', () => {
    expect(kb.entries.length).toBeGreaterThan(250);
    for (const e of kb.entries) expect(e.url.startsWith(`${base}topics/`)).toBe(true);
  });

  it("lists every answer page in the sitemap, and not the study cards' answers, which only the study page loads", () => {
    const sitemap = readdirSync(dist).filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8')).join('');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    for (const entry of kb.entries) expect(urls, entry.id).toContain(`${base}q/${entry.id}/`);
    expect(urls.filter((u) => u.includes('/study/answers/'))).toEqual([]);
    expect(urls).toContain(`${base}study/`);
  });

  it('resolves every entry URL in kb.json to its page and anchor', () => {
    for (const entry of kb.entries) {
      const [path, anchor] = entry.url.split('#') as [string, string];
      const file = fileFor(path);
      expect(file, entry.url).toBeDefined();
      expect(idsIn(file!).has(anchor), entry.url).toBe(true);
    }
  });

  it('gives every answer a page of its own whose link preview shows the question and the answer', () => {
    for (const entry of kb.entries) {
      const html = readFileSync(join(dist, 'q', entry.id, 'index.html'), 'utf8');
      const meta = (property: string) => new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
      expect(meta('og:title'), entry.id).toBeTruthy();
      expect(meta('og:description')!.length, entry.id).toBeGreaterThan(20);
      expect(html, entry.id).toContain(`href="${entry.url}"`);
    }
  });

  it('gives every page a unique title and a meta description', () => {
    const titles = new Map<string, string>();
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      if (isRedirect(html)) continue;
      const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1];
      expect(title, file).toBeTruthy();
      expect(/<meta name="description" content="[^"]{20,}"/.test(html), file).toBe(true);
      if (!file.endsWith('404.html')) {
        expect(titles.get(title!), `${file} shares its title with ${titles.get(title!)}`).toBeUndefined();
        titles.set(title!, file);
      }
    }
  });

  it('sends the old answer page of every merged entry to the page of the entry it merged into', () => {
    // Every id ever issued, with the anchor of the entry that holds it now; the ids not live are retired.
    const anchors: Record<string, string> = JSON.parse(readFileSync(join(dist, 'anchors.json'), 'utf8'));
    const live = new Set(kb.entries.map((e) => e.id));
    const retired = Object.entries(anchors).filter(([id]) => !live.has(id));
    expect(retired.length).toBeGreaterThan(0);
    for (const [id, url] of retired) {
      const survivor = kb.entries.find((e) => e.url === url)!;
      expect(survivor, id).toBeDefined();
      const html = readFileSync(join(dist, 'q', id, 'index.html'), 'utf8');
      expect(isRedirect(html), id).toBe(true);
      expect(html, id).toContain(`content="0; url=${base}q/${survivor.id}/"`);
      expect(fileFor(`${base}q/${survivor.id}/`), survivor.id).toBeDefined();
    }
  });

  it('has no broken internal link or anchor on any page', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
      for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
        if (/^(?:https?:|mailto:|data:)/.test(href!)) continue;
        const url = new URL(href!.replace(/&amp;/g, '&'), `http://site${base}${page.slice(1)}`);
        if (url.pathname.endsWith('.xml') || /\.(?:css|js|svg|png|ico|json|woff2?)$/.test(url.pathname)) continue;
        // A download (the Anki deck) is a file, not a page: it must exist.
        if (url.pathname.endsWith('.txt')) {
          if (!existsSync(join(dist, url.pathname.slice(base.length)))) broken.push(`${page} → ${href}`);
          continue;
        }
        const target = fileFor(url.pathname);
        if (!target) broken.push(`${page} → ${href}`);
        else if (url.hash && !idsIn(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${page} → ${href} (no such anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });
});
