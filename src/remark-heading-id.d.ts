/** remark-heading-id ships no types: `## Heading {#id}` sets the heading's id; `defaults` slugs the others. */
declare module 'remark-heading-id' {
  import type { Root } from 'mdast';
  export default function remarkHeadingId(options?: { defaults?: boolean }): (tree: Root) => void;
}
