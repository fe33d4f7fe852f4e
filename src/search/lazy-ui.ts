/**
 * Stands in for `@pagefind/default-ui` in Starlight's search dialog (src/integrations/search-index.ts points
 * Starlight's import here). Starlight loads the search UI as soon as the page is idle; this loads it, Pagefind's
 * script and the query processing (src/search/dialog.ts) when the dialog is first opened, so a page that is only
 * read loads none of them. Keys typed before it arrives are kept by src/components/SearchKeys.astro.
 */
import type { ExcerptedResult } from './excerpt.ts';

type Options = Record<string, unknown>;

const DIALOG = 'site-search dialog';

/**
 * Pagefind's script, with every filter's index loaded. The UI lists the filters that its first results count,
 * and loads the filter indexes only beside that search: a filter whose index arrived after the first results was
 * missing from the panel until the next search. Loaded here first, they are all counted from the first search
 * on. The UI imports the same module from the same URL, so it shares this instance.
 */
async function pagefindWithFilters(bundlePath: string): Promise<void> {
  const pagefind = (await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as { filters(): Promise<unknown> };
  await pagefind.filters();
}

async function draw(options: Options): Promise<void> {
  const [{ PagefindUI }, { processTerm }, { excerptFromAnswer }] = await Promise.all([
    // @ts-expect-error: the package has no types
    import('@pagefind/default-ui') as Promise<{ PagefindUI: new (options: Options) => unknown }>,
    import('./dialog.ts'),
    import('./excerpt.ts'),
    pagefindWithFilters(String(options.bundlePath)),
  ]);
  // Starlight's own processResult makes the URLs its way and returns nothing: the result is changed in place.
  const starlight = options.processResult as ((result: ExcerptedResult) => ExcerptedResult | void) | undefined;
  const processResult = (result: ExcerptedResult) => excerptFromAnswer(starlight?.(result) ?? result);
  // The dialog is open by now: the search box takes the focus when it is drawn.
  new PagefindUI({ ...options, processTerm, processResult, debounceTimeoutMs: 150, autofocus: true });
}

export class PagefindUI {
  constructor(options: Options) {
    const dialog = document.querySelector<HTMLDialogElement>(DIALOG);
    if (!dialog || dialog.open) {
      void draw(options);
      return;
    }
    const opened = new MutationObserver(() => {
      if (!dialog.open) return;
      opened.disconnect();
      void draw(options);
    });
    opened.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }
}
