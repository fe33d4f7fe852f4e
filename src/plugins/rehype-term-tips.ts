/**
 * rehype plugin: a link to a glossary term that carries the term's definition as its title (the ingest writes
 * them, scripts/lib/links/link-terms.ts) gets the definition as a tooltip instead, shown on hover and on keyboard
 * focus (CSS in src/styles/custom.css, Escape hides it: src/components/TermTips.astro):
 *
 *   <span class="kb-term"><a href="…/glossary/#id" aria-describedby="kb-tip-1">text</a><span role="tooltip"
 *   id="kb-tip-1" class="kb-tip">Term: definition</span></span>
 *
 * The native title goes: it shows only on hover, late, and never on focus.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const GLOSSARY_LINK = /(?:^|\/)glossary\/#[\w-]+$/;

export default function rehypeTermTips() {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return;
      const { href, title } = node.properties;
      if (typeof href !== 'string' || !GLOSSARY_LINK.test(href) || typeof title !== 'string' || !title.trim()) return;
      const id = `kb-tip-${++count}`;
      delete node.properties.title;
      node.properties.ariaDescribedBy = [id];
      const tip: Element = { type: 'element', tagName: 'span', properties: { role: 'tooltip', id, className: ['kb-tip'] }, children: [{ type: 'text', value: title }] };
      const term: Element = { type: 'element', tagName: 'span', properties: { className: ['kb-term'] }, children: [node, tip] };
      parent.children[index] = term as ElementContent;
      return [SKIP, index + 1];
    });
  };
}
