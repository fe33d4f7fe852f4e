/**
 * Reads a generated page as MDX reads it, to find what in it is HTML rather than Markdown or a component.
 */
import { createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';

const processor = createProcessor({ remarkPlugins: [remarkMath] });

/** A page's frontmatter (YAML) and its MDX body, split as Astro splits them. */
export function splitPage(content: string): { frontmatter: string; body: string } {
  const [, frontmatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content) ?? [];
  if (frontmatter === undefined || body === undefined) throw new Error('the page does not start with a frontmatter block');
  return { frontmatter, body };
}

/** An MDX body as MDX parses it (with math), before compiling. */
export function parseMdx(body: string): Root {
  return processor.parse(body) as Root;
}

/**
 * The raw HTML elements of an MDX body: JSX elements with a lower-case name (`<div>`, `<details>`) and HTML
 * nodes. Components (`<EntryBar>`) and fragments are not HTML.
 */
export function rawHtmlElements(body: string): string[] {
  const tree = parseMdx(body);
  const found: string[] = [];
  visit(tree, (node) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) found.push(node.name);
    else if (node.type === 'html') found.push(node.value);
  });
  return found;
}
