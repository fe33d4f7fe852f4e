/**
 * The pages Astro writes for `redirects` (a merged entry's old `/q/<id>/`, astro.config.mjs) are a bare
 * template: no language, no charset, no icon. A browser showing one for its moment asks for /favicon.ico,
 * which the site does not have (a 404 and a console error), and the HTML checker flags the missing charset.
 * When the build is done, each gets the language, the charset and the site's icon (Starlight's favicon.svg),
 * and its refresh is written as HTML specifies it ("0; url=…": the checker rejects Astro's "0;url=…").
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const DOCTYPE = /^<!doctype html>\s*/i;

/** The redirect page's HTML with what every page of the site declares first. */
export function completeRedirectPage(html: string, base: string): string {
  if (!DOCTYPE.test(html) || /<meta charset/i.test(html)) return html;
  const icon = `${base.replace(/\/?$/, '/')}favicon.svg`;
  return html
    .replace(DOCTYPE, `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<link rel="icon" href="${icon}" type="image/svg+xml">\n`)
    .replace(/(<meta http-equiv="refresh" content="\d+);url=/, '$1; url=');
}

export function redirectPages(): AstroIntegration {
  let sources: string[] = [];
  let base = '/';
  return {
    name: 'kb-redirect-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        sources = Object.keys(config.redirects);
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        let completed = 0;
        for (const source of sources) {
          const file = join(fileURLToPath(dir), source, 'index.html');
          if (!existsSync(file)) continue;
          const html = readFileSync(file, 'utf8');
          const complete = completeRedirectPage(html, base);
          if (complete === html) continue;
          writeFileSync(file, complete);
          completed++;
        }
        logger.info(`${completed} redirect pages given the site's charset and icon`);
      },
    },
  };
}
