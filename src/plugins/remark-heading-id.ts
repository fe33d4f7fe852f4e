/**
 * remark plugin: `## Question \{#entry-id\}` gives the heading the id `entry-id` (and drops the marker), so
 * every entry's anchor is its id in kb.json whatever its wording. Astro's heading-id pass keeps ids that are
 * already set, so the table of contents and the anchor links use it too.
 */
import type { Heading, Root } from 'mdast';
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';

const ID_MARKER = /\s*\{#([A-Za-z0-9][\w:.-]*)\}\s*$/;

export default function remarkHeadingId() {
  return (tree: Root) => {
    visit(tree, 'heading', (heading: Heading) => {
      const last = heading.children.at(-1);
      if (last?.type !== 'text') return;
      const match = ID_MARKER.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      heading.data ??= {};
      heading.data.hProperties = { ...heading.data.hProperties, id: match[1] };
    });
  };
}
