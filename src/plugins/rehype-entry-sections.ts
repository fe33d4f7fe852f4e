/**
 * rehype plugin: on a page of entries (a topic page), each entry becomes one `<section class="kb-entry">`: its
 * alias anchors, its question heading and everything up to the next entry. An entry is a heading followed by
 * its bar (the EntryBar component the ingest writes under every question of a topic page).
 *
 * A topic page holds a few hundred KB of answers, two thirds of its elements typeset math; laid out whole, it
 * keeps the browser busy for a second on a phone. src/styles/custom.css lets the browser skip the layout of
 * an entry until it nears the screen (`content-visibility: auto`), which needs each entry in a box of its own.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** An MDX component in the tree: the hast of an .mdx page keeps them as JSX elements (types of their own). */
const isComponent = (node: RootContent | undefined, name: string) => {
  const jsx = node as { type?: string; name?: string } | undefined;
  return jsx?.type === 'mdxJsxFlowElement' && jsx.name === name;
};
const isBlank = (node: RootContent | undefined) => node?.type === 'text' && !node.value.trim();

function nextContent(children: RootContent[], from: number): RootContent | undefined {
  let i = from;
  while (isBlank(children[i])) i++;
  return children[i];
}

const isQuestion = (children: RootContent[], i: number) => {
  const node = children[i]!;
  return node.type === 'element' && node.tagName === 'h2' && isComponent(nextContent(children, i + 1), 'EntryBar');
};

export default function rehypeEntrySections() {
  return (tree: Root) => {
    const children = tree.children;
    /** Where each entry starts: its alias anchors if it has any, else its heading. */
    const starts = children.flatMap((_, i) => {
      if (!isQuestion(children, i)) return [];
      let start = i;
      while (start > 0 && (isBlank(children[start - 1]) || isComponent(children[start - 1], 'AliasAnchors'))) start--;
      while (isBlank(children[start])) start++;
      return [start];
    });
    if (!starts.length) return;
    const sections = starts.map(
      (start, n): Element => ({
        type: 'element',
        tagName: 'section',
        properties: { className: ['kb-entry'] },
        children: children.slice(start, starts[n + 1] ?? children.length) as ElementContent[],
      }),
    );
    tree.children = [...children.slice(0, starts[0]), ...sections];
  };
}
