/**
 * What Starlight's table of contents watches to know which heading is being read: the headings, the elements
 * after a heading among its siblings, the content's top-level elements and `main`'s children, each of the last
 * three only when it holds no heading; in document order. The same elements as Starlight's query
 * (starlight-toc.js, swapped for this by src/integrations/toc-observer.ts), found without its `:has()` tests:
 * Chromium answers each by walking the candidate's whole subtree, three times over a topic page of thousands of
 * typeset-math elements; here one `querySelector` per candidate stops at the first heading it meets.
 */
export function observedElements(headings: string): Element[] {
  const main = document.querySelector('main');
  if (!main) return [];
  const found = new Set<Element>(main.querySelectorAll(headings));
  const holdsNoHeading = (element: Element) => !element.matches(headings) && !element.querySelector(headings);
  for (const start of main.querySelectorAll(`:where(${headings}, .sl-heading-wrapper)`)) {
    for (let next = start.nextElementSibling; next; next = next.nextElementSibling) if (!found.has(next) && holdsNoHeading(next)) found.add(next);
  }
  for (const element of main.querySelectorAll(':scope .sl-markdown-content > *, :scope > *')) if (holdsNoHeading(element)) found.add(element);
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
