/**
 * The diagrams of sources/diagrams/ (read through the ingest's site face), drawn once per build as inline SVG, so that a page with a diagram
 * loads no diagram code at all (mermaid with its layout engines is 480–550 KB of gzip JavaScript) and does not
 * shift when it is drawn.
 *
 * Mermaid lays a diagram out by measuring its text, which needs a browser: the diagrams are drawn in the
 * Chromium the tests use (scripts/tools/browser.ts), once in the light theme and once in the dark one, with
 * SVG text (not HTML in foreignObject), so the labels stay real text. Pages import them from the virtual
 * module `virtual:kb/diagrams` (src/components/Diagram.astro).
 */
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { type DiagramDefinition, repositoryData } from '../../scripts/lib/site.ts';
import { launchChromium } from '../../scripts/tools/browser.ts';

export interface DrawnDiagram {
  light: string;
  dark: string;
  /** The width the diagram is drawn for, in CSS px: its labels are 16 px at this width. */
  width: number;
}

const MODULE = 'virtual:kb/diagrams';
const RESOLVED = `\0${MODULE}`;
/** Labels are drawn at 16 px; a diagram may shrink to this share of its width (12 px labels), then it scrolls. */
export const LABEL_PX = 16;
export const MIN_SCALE = 0.75;

export async function drawDiagrams(diagrams: DiagramDefinition[]): Promise<Record<string, DrawnDiagram>> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    const drawn: Record<string, DrawnDiagram> = {};
    for (const diagram of diagrams) {
      // One theme after the other: mermaid's configuration is global to the page.
      const svgs: Record<string, string> = {};
      for (const theme of ['default', 'dark'] as const) {
        svgs[theme] = await page.evaluate(
          async ({ id, code, theme, fontSize }) => {
            // @ts-expect-error mermaid is the script added above
            const mermaid = window.mermaid.default ?? window.mermaid;
            mermaid.initialize({
              startOnLoad: false,
              securityLevel: 'strict',
              theme,
              htmlLabels: false,
              // Lines break where the diagram's source says (<br/>), never inside a word.
              flowchart: { htmlLabels: false, padding: 12, nodeSpacing: 30, rankSpacing: 40, wrappingWidth: 1000 },
              themeVariables: {
                fontSize: `${fontSize}px`,
                fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
                // The dark theme's grey label boxes leave grey text at too low a contrast.
                ...(theme === 'dark' ? { edgeLabelBackground: '#23262f', lineColor: '#c8c8c8' } : {}),
              },
            });
            const { svg } = await mermaid.render(`diagram-${id}-${theme}`, code);
            return svg as string;
          },
          { id: diagram.id, code: diagram.mermaid, theme, fontSize: LABEL_PX },
        );
      }
      const width = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+)/.exec(svgs.default!)?.[1] ?? 0);
      drawn[diagram.id] = { light: sized(svgs.default!, width), dark: sized(svgs.dark!, width), width };
    }
    return drawn;
  } finally {
    await browser.close();
  }
}

/** The column's width, but never so narrow that labels fall under 12 px: below that, the figure scrolls. */
function sized(svg: string, width: number): string {
  return svg.replace(/<svg([^>]*?)\swidth="100%"([^>]*?)\sstyle="[^"]*"/, (_, before: string, after: string) => `<svg${before}${after} style="width: 100%; max-width: ${width}px; min-width: ${Math.round(width * MIN_SCALE)}px"`);
}

export function diagrams(): AstroIntegration {
  let drawn: Promise<Record<string, DrawnDiagram>> | undefined;
  return {
    name: 'kb-diagrams',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        // Started here, while the modules that find and start Chromium can still be loaded: by the time Vite
        // asks for the module, the config's module runner is closed.
        const started = performance.now();
        drawn = drawDiagrams(repositoryData().diagrams).then((result) => {
          logger.info(`${Object.keys(result).length} diagrams drawn as SVG in ${Math.round(performance.now() - started)} ms`);
          return result;
        });
        // An error is reported when a page asks for the diagrams, not as an unhandled rejection before.
        drawn.catch(() => {});
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'kb-diagrams',
                resolveId: (id) => (id === MODULE ? RESOLVED : undefined),
                load: async (id) => (id === RESOLVED ? `export default ${JSON.stringify(await drawn)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
