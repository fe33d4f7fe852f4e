/**
 * The search dialog's query processing (Pagefind UI's `processTerm`, given by src/search/lazy-ui.ts when the
 * dialog is first opened).
 * The index's words (the lexicon, a few KB) load when the search box is first focused, as Pagefind's own
 * files do, so a page that is only read loads nothing more; from then on every query is spelt as the index
 * spells it (src/search/query.ts). A query searched before the words arrived is searched again.
 */
import { searchTerm, useLexicon } from './query.ts';
import { parseLexicon } from './spelling.ts';

const INPUT = '#starlight__search input.pagefind-ui__search-input';
const LEXICON = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}search-words.txt`;

let requested = false;

function loadLexicon(): void {
  if (requested) return;
  requested = true;
  void fetch(LEXICON)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${LEXICON}: ${response.status}`))))
    .then((text) => {
      const input = document.querySelector<HTMLInputElement>(INPUT);
      const typed = input?.value ?? '';
      const before = searchTerm(typed);
      useLexicon(parseLexicon(text));
      if (!input || !typed.trim() || searchTerm(typed) === before) return;
      // Pagefind UI searches when the box's value changes: change it and put it back, within its debounce.
      input.value = `${typed} `;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.value = typed;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    })
    .catch(() => {
      // Without the words, queries are searched as typed.
    });
}

document.addEventListener('focusin', (event) => {
  if ((event.target as Element | null)?.matches?.(INPUT)) loadLexicon();
});

export function processTerm(query: string): string {
  loadLexicon();
  return searchTerm(query);
}
