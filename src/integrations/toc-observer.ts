/**
 * Starlight's table of contents ("On this page") marks the heading being read. Its script (starlight-toc.js)
 * finds what to watch with one query whose `:has()` tests walk the whole content of the page three times; on a
 * topic page of thousands of typeset-math elements that takes a phone hundreds of milliseconds in one task, and
 * it runs twice, for the sidebar's table and the mobile one. This swaps the query for src/toc/observed.ts, which
 * finds the same elements in the same order in one walk (tests/site/pages.test.ts checks both agree). If
 * Starlight moves or rewrites its script, the build stops here, saying so, rather than the pages silently
 * slowing down.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

const STARLIGHT_TOC = /\/@astrojs\/starlight\/dist\/components-internals\/TableOfContents\/starlight-toc\.js$/;
const QUERY = /document\.querySelectorAll\(\[\s*`main :where\(\$\{this\.tocHeadingSelector\}\)`,[^\]]*\]\.join\(\)\)/;
const OBSERVED = fileURLToPath(new URL('../toc/observed.ts', import.meta.url));

export function tocObserver(): AstroIntegration {
  let swapped = false;
  return {
    name: 'kb-toc-observer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'kb-toc-observer',
                transform(code, id) {
                  if (!STARLIGHT_TOC.test(id.split('?')[0]!)) return undefined;
                  if (!QUERY.test(code)) throw new Error(`${id}: Starlight's table of contents no longer finds what it watches with the query src/integrations/toc-observer.ts replaces; check it against src/toc/observed.ts.`);
                  swapped = true;
                  return `import { observedElements } from ${JSON.stringify(OBSERVED)};\n${code.replace(QUERY, 'observedElements(this.tocHeadingSelector)')}`;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': () => {
        if (!swapped) throw new Error(`No module of the build matched ${STARLIGHT_TOC}: Starlight's table of contents script has moved; point src/integrations/toc-observer.ts at it.`);
      },
    },
  };
}
