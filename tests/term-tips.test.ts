/**
 * A glossary link shows its term's definition on hover and on keyboard focus: the ingest gives each link in an
 * answer the definition as its title, and the site's rehype plugin turns the title into a tooltip that
 * describes the link (aria-describedby).
 */
import { compile } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { titleTermLinks } from '../scripts/lib/links/link-terms.ts';
import { parseUntrusted, serialise } from '../scripts/lib/shared/markdown.ts';
import rehypeTermTips from '../src/plugins/rehype-term-tips.ts';
import { realKnowledgeBase } from './helpers/kb.ts';

describe('definitions on the pages', () => {
  const { kb, pages } = realKnowledgeBase();

  it("gives each link on the pages its term's definition, which the site shows as a tooltip", () => {
    const topic = pages.find((p) => p.path === 'topics/efficient-attention.mdx')!.content;
    expect(topic).toMatch(/\[multi-query attention\]\(\/glossary\/#mqa "Multi-query attention \(MQA\): Multi-query attention \(MQA\) is multi-head attention in which all query heads share/i);
    // kb.json keeps plain links: the definitions are in its glossary.
    expect(kb.entries.some((e) => e.answer?.includes('](/glossary/#mqa "'))).toBe(false);
  });

  it('writes titles that MDX reads back as text, whatever the definition holds', async () => {
    const hostile = 'Says "hi" {x} <script>alert(1)</script> \\ `code` $5 ) ](#)';
    const markdown = serialise(titleTermLinks(parseUntrusted('A [term](/glossary/#t) here.'), '/glossary/', new Map([['t', hostile]])));
    const code = String(await compile(markdown));
    expect(code).toContain(JSON.stringify(hostile).slice(1, -1));
    expect(code).not.toMatch(/_jsxs?\("script"/);
  });
});

describe('the tooltip of a glossary link', () => {
  const tree = (): Root => ({
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'p',
        properties: {},
        children: [
          { type: 'text', value: 'Uses ' },
          { type: 'element', tagName: 'a', properties: { href: '/kb/glossary/#mqa', title: 'MQA: one key and value head.' }, children: [{ type: 'text', value: 'MQA' }] },
          { type: 'text', value: ' and ' },
          { type: 'element', tagName: 'a', properties: { href: '/kb/topics/x/', title: 'not a term' }, children: [{ type: 'text', value: 'x' }] },
          { type: 'element', tagName: 'a', properties: { href: '/kb/glossary/#gqa', title: 'GQA: groups.' }, children: [{ type: 'text', value: 'GQA' }] },
        ],
      },
    ],
  });

  it('describes the link by a tooltip that holds the definition, with ids unique on the page', () => {
    const root = tree();
    rehypeTermTips()(root);
    const p = root.children[0] as Element;
    const [first, , other, second] = p.children.slice(1) as Element[];
    for (const [wrapper, id, text] of [[first!, 'kb-tip-1', 'MQA: one key and value head.'], [second!, 'kb-tip-2', 'GQA: groups.']] as const) {
      expect(wrapper.properties.className).toEqual(['kb-term']);
      const [link, tip] = wrapper.children as Element[];
      expect(link!.tagName).toBe('a');
      expect(link!.properties.title).toBeUndefined();
      expect(link!.properties.ariaDescribedBy).toEqual([id]);
      expect(tip!.properties).toEqual({ role: 'tooltip', id, className: ['kb-tip'] });
      expect(tip!.children).toEqual([{ type: 'text', value: text }]);
    }
    // A link that is not to a glossary term keeps its title and gets no tooltip.
    expect(other!.tagName).toBe('a');
    expect(other!.properties.title).toBe('not a term');
  });
});
