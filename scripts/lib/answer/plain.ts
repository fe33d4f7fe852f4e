/** Plain text of Markdown nodes with math kept as `$…$`, and cutting phrasing content at plain-text offsets. */
import type { Nodes, PhrasingContent } from 'mdast';

export function plainText(nodes: readonly Nodes[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'inlineMath') out += `$${node.value}$`;
    else if (node.type === 'math') out += ` $${node.value}$ `;
    else if ('value' in node && typeof node.value === 'string') out += node.value;
    else if ('children' in node) {
      const text = plainText(node.children as Nodes[]);
      // Blocks read as separate sentences.
      out += /^(?:paragraph|listItem|tableCell|heading)$/.test(node.type) ? ` ${text} ` : text;
    }
  }
  return out;
}

/**
 * The phrasing content between two offsets of its plain text; `null` when a cut falls inside bold, a link or
 * math (only text is ever cut).
 */
export function slicePhrasing(nodes: PhrasingContent[], start: number, end: number): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let offset = 0;
  for (const node of nodes) {
    const length = plainText([node]).length;
    const from = offset;
    const to = offset + length;
    offset = to;
    if (to <= start || from >= end) continue;
    if (from >= start && to <= end) {
      out.push(node);
      continue;
    }
    if (node.type !== 'text') return null;
    out.push({ type: 'text', value: node.value.slice(Math.max(0, start - from), Math.min(length, end - from)) });
  }
  return out;
}
