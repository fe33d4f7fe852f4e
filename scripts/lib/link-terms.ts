/**
 * Links the first mention of each glossary term in an answer to its glossary entry. Works on the Markdown
 * tree, so a term inside a link, code, math or a heading is never touched.
 */
import type { Link, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { ConceptDefinition } from '../data/vocabulary.ts';
import { parseUntrusted, serialise } from './render/markdown.ts';

export interface TermPattern {
  id: string;
  url: string;
  pattern: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per term: any alias, hyphens or spaces between words, an optional plural. */
export function termPatterns(terms: { id: string; concept?: string; term: string }[], vocabulary: Map<string, ConceptDefinition>, glossaryUrl: string): TermPattern[] {
  return terms.map((term) => {
    const aliases = term.concept ? (vocabulary.get(term.concept)?.aliases ?? []) : [term.term.replace(/\s*\(.*?\)/g, '').toLowerCase()];
    const alternatives = [...new Set(aliases)]
      .sort((a, b) => b.length - a.length)
      .map((alias) => alias.split(/\s+/).map(escapeRegExp).join('[\\s-]+'));
    return { id: term.id, url: `${glossaryUrl}#${term.id}`, pattern: new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?:s|es)?(?![\\w-])`, 'i') };
  });
}

/** Short aliases are acronyms: "RAG" is the term, "rag" in running text is not. */
function plausible(match: string): boolean {
  return match.length > 4 || /[A-Z]/.test(match);
}

const SKIP = new Set(['link', 'linkReference', 'inlineCode', 'inlineMath', 'math', 'code', 'heading', 'html']);

export function linkTerms(markdown: string, patterns: TermPattern[]): { markdown: string; linked: string[] } {
  const tree: Root = parseUntrusted(markdown);
  const linked: string[] = [];
  for (const term of patterns) {
    if (linkFirst(tree, term)) linked.push(term.id);
  }
  return { markdown: serialise(tree), linked };
}

function linkFirst(node: Parent, term: TermPattern): boolean {
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (SKIP.has(child.type)) continue;
    if (child.type === 'text') {
      const match = term.pattern.exec(child.value);
      if (match && plausible(match[0])) {
        const before: Text = { type: 'text', value: child.value.slice(0, match.index) };
        const link: Link = { type: 'link', url: term.url, children: [{ type: 'text', value: match[0] }] };
        const after: Text = { type: 'text', value: child.value.slice(match.index + match[0].length) };
        (node.children as PhrasingContent[]).splice(i, 1, ...([before, link, after].filter((n) => n.type === 'link' || (n as Text).value) as PhrasingContent[]));
        return true;
      }
      continue;
    }
    if ('children' in child && linkFirst(child as Parent, term)) return true;
  }
  return false;
}
