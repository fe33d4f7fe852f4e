/**
 * The W3C Nu HTML checker (vnu-jar, run with the machine's Java) on one page of each type of a build: home, a
 * topic, an answer page, a merged entry's redirect page, glossary, sources, study, 404. Errors that come from
 * Starlight or Expressive Code, not from this project, are listed in UPSTREAM with where they come from and are
 * left out; every other error is printed and fails the run.
 *
 *   npm run build && npm run check:html          # dist/
 *   npm run check:html -- path/to/dist
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HtmlError {
  page: string;
  line: number;
  message: string;
}

/** Errors in markup this project does not write, each with the component that writes it. */
export const UPSTREAM: { message: RegExp; from: string }[] = [
  // <script is:inline aria-hidden="true"> in @astrojs/starlight/components/SidebarPersister.astro.
  { message: /^The “aria-hidden” attribute must not be specified on the “script” element\.$/, from: 'Starlight (SidebarPersister.astro)' },
  // The copy button's data-code attribute, where Expressive Code writes each line break as U+007F.
  { message: /^Forbidden code point U\+007f\.$/, from: 'Expressive Code (copy button)' },
];

/** One built page of each type, as paths inside `dist`. */
export function pagesToCheck(dist: string): string[] {
  const kb = JSON.parse(readFileSync(join(dist, 'kb.json'), 'utf8')) as { topics: { id: string }[]; entries: { id: string }[] };
  const live = new Set(kb.entries.map((e) => e.id));
  const retired = readdirSync(join(dist, 'q')).find((id) => !live.has(id) && existsSync(join(dist, 'q', id, 'index.html')));
  return [
    'index.html',
    `topics/${kb.topics.find((t) => t.id === 'attention')?.id ?? kb.topics[0]!.id}/index.html`,
    `q/${kb.entries[0]!.id}/index.html`,
    ...(retired ? [`q/${retired}/index.html`] : []),
    'glossary/index.html',
    'sources/index.html',
    'study/index.html',
    '404.html',
  ];
}

/** Every error the checker reports on the pages; `upstream` tells which of them are Starlight's or Expressive Code's. */
export function checkHtml(dist: string, pages = pagesToCheck(dist)): { errors: HtmlError[]; upstream: HtmlError[] } {
  const jar = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build/dist/vnu.jar');
  const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--errors-only', ...pages.map((p) => join(dist, p))], { encoding: 'utf8' });
  if (run.error || (run.status !== 0 && !run.stderr.trim().startsWith('{'))) {
    throw new Error(`The HTML checker did not run (java -jar ${jar}): ${run.error?.message ?? run.stderr}`);
  }
  const { messages } = JSON.parse(run.stderr) as { messages: { type: string; url: string; lastLine?: number; message: string }[] };
  const all = messages
    .filter((m) => m.type === 'error')
    .map((m) => ({ page: relative(dist, fileURLToPath(m.url)), line: m.lastLine ?? 0, message: m.message }));
  const isUpstream = (e: HtmlError) => UPSTREAM.some((u) => u.message.test(e.message));
  return { errors: all.filter((e) => !isUpstream(e)), upstream: all.filter(isUpstream) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const pages = pagesToCheck(dist);
  const { errors, upstream } = checkHtml(dist, pages);
  for (const e of errors) console.log(`${e.page}:${e.line}: ${e.message}`);
  const byMessage = new Map<string, number>();
  for (const e of upstream) byMessage.set(e.message, (byMessage.get(e.message) ?? 0) + 1);
  for (const [message, count] of byMessage) console.log(`upstream (${UPSTREAM.find((u) => u.message.test(message))!.from}), ${count}×: ${message}`);
  console.log(`check:html: ${pages.length} pages, ${errors.length} errors of this project's own, ${upstream.length} from upstream`);
  process.exitCode = errors.length ? 1 : 0;
}
