/**
 * The generated pages: Markdown for content, the site's components for everything around it, frontmatter a
 * YAML parser reads back, anchors that Starlight would give the headings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import remarkMath from 'remark-math';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPipeline } from '../scripts/lib/pipeline.ts';
import { slugify } from '../scripts/lib/text/slug.ts';
import { fixture, ROOT, testSource } from './helpers/fixtures.ts';
import { realKnowledgeBase } from './helpers/kb.ts';
import { parseMdx, rawHtmlElements, splitPage } from './helpers/mdx.ts';

const hostileLines = readFileSync(join(ROOT, 'tests/fixtures/hostile/hostile.txt'), 'utf8').split('\n');

describe('generated pages', () => {
  const { pages } = realKnowledgeBase();

  it('hold no raw HTML element: everything around the Markdown is a component', () => {
    const withHtml = pages.map((p) => ({ path: p.path, html: rawHtmlElements(splitPage(p.content).body) })).filter((p) => p.html.length);
    expect(withHtml).toEqual([]);
  });

  it('write the chrome of every entry with the entry components, once per entry', () => {
    const topic = pages.find((p) => p.path === 'topics/positional-encoding.mdx')!.content;
    const entries = (topic.match(/^## /gm) ?? []).length;
    expect(entries).toBe(6);
    expect(topic.match(/^<EntryBar /gm)).toHaveLength(entries);
    expect(topic).toContain("import EntryBar from '../../../components/content/EntryBar.astro';");
  });

  it("turn every citation of the editors' answers into a superscript, also beside a bold lead-in (\"**Lead:**[^ed]\")", () => {
    const dir = join(ROOT, 'sources/entries');
    let leadIns = 0;
    for (const file of readdirSync(dir)) {
      const body = readFileSync(join(dir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      // References, not the definitions at the end ("[^ed]: editors").
      const cited = body.match(/\[\^[^\]\s]+\](?!:)/g)?.length ?? 0;
      leadIns += body.match(/\*\*\[\^/g)?.length ?? 0;
      const page = pages.find((p) => p.path === `q/${file.replace(/\.md$/, '.mdx')}`)!;
      let cites = 0;
      visit(parseMdx(splitPage(page.content).body), (node) => {
        if (node.type === 'mdxJsxTextElement' && node.name === 'Cite') cites++;
      });
      expect(cites, file).toBe(cited);
    }
    expect(leadIns).toBeGreaterThan(10);
    // What stands in for a citation while the answer is written never reaches a page, as itself or as a reference.
    expect(pages.filter((p) => /[\uE000-\uF8FF]|&#x[Ee][0-9A-Fa-f]{3};/.test(p.content)).map((p) => p.path)).toEqual([]);
  });

  it('open the glossary with a link to the first term of each initial letter, in order', () => {
    const glossary = pages.find((p) => p.path === 'glossary.mdx')!.content;
    const letters: { text: string; href: string }[] = JSON.parse(/<TermIndex letters=\{(\[.*?\])\} \/>/.exec(glossary)![1]!);
    const headings = [...glossary.matchAll(/^## (.+) \\\{#([a-z0-9-]+)\\\}$/gm)].map((m) => ({ term: m[1]!, id: m[2]! }));
    expect(headings.length).toBeGreaterThan(50);
    expect(letters.map((l) => l.text)).toEqual([...new Set(headings.map((h) => h.term[0]!.toUpperCase()))]);
    for (const letter of letters) {
      expect(headings.find((h) => h.term[0]!.toUpperCase() === letter.text)!.id, letter.text).toBe(letter.href.slice(1));
    }
  });

  it('keep Markdown that needs rendering (answers, notes, wordings with math) as children, not props', () => {
    const topic = pages.find((p) => p.path === 'topics/positional-encoding.mdx')!.content;
    // The original answer with the sinusoidal formula is display math inside an <OriginalAnswer>, where MDX renders it.
    const tree = parseMdx(splitPage(topic).body);
    const maths: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' && node.name === 'OriginalAnswer') visit(node, 'math', (m) => void maths.push(m.value));
    });
    expect(maths).toContain('PE_{(pos,2i)}=\\sin(pos/10000^{2i/d_{model}})');
  });

  it('write frontmatter that a YAML parser reads back as the page title and description', () => {
    const home = parse(splitPage(pages.find((p) => p.path === 'index.mdx')!.content).frontmatter);
    expect(home.title).toBe('Transformer & LLM Interview Questions');
    expect(home.hero.actions[1]).toEqual({ text: 'Study with flashcards', link: '/study/', variant: 'secondary' });
    expect(home.hero.actions[2]).toEqual({ text: 'Glossary', link: '/glossary/', variant: 'minimal' });
    const topic = parse(splitPage(pages.find((p) => p.path === 'topics/positional-encoding.mdx')!.content).frontmatter);
    expect(topic.sidebar).toEqual({ order: 4, badge: { text: '6', variant: 'default' } });
  });

  it('speak of the sources as the manifest lists them', () => {
    const home = pages.find((p) => p.path === 'index.mdx')!.content;
    expect(home).toContain('The 6 sources of this site ([Part 6](/sources/#part-6), [LLM Q\\&A](/sources/#llm-qa)');
    expect(home).not.toMatch(/five/i);
    const sources = pages.find((p) => p.path === 'sources.mdx')!.content;
    expect(sources).toContain('## References cited by 200 Questions About Transfer Learning and Transformers \\{#references\\}');
  });
});

describe('pages from a source of hostile snippets', () => {
  const source = testSource('question-answer', { id: 'hostile', title: '2024-01-01', shortTitle: 'yes: {x} </p><script>' });
  const { pages } = runPipeline([{ source, lines: hostileLines }], { base: '/' });

  it('give source text to components as JavaScript strings, which render as text', () => {
    const topic = pages.find((p) => p.path.startsWith('topics/'))!;
    const bars: MdxJsxFlowElement[] = [];
    visit(parseMdx(splitPage(topic.content).body), 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => void (node.name === 'EntryBar' && bars.push(node)));
    const questions = bars.map((bar) => bar.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'question')!.value);
    expect(questions).toContainEqual({ type: 'mdxJsxAttributeValueExpression', value: JSON.stringify('What does {props.secret} evaluate to in <Component prop={1} />?'), data: expect.anything() });
    // The sources that ask an entry, under "Sources and notes": the source's name is text there too.
    const answerPage = pages.find((p) => p.path.startsWith('q/'))!;
    const notes: MdxJsxFlowElement[] = [];
    visit(parseMdx(splitPage(answerPage.content).body), 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => void (node.name === 'SourcesAndNotes' && notes.push(node)));
    expect(toString(notes[0])).toContain('Asked in yes: {x} </p><script>');
  });

  it('write frontmatter in which a title that looks like a date or a mapping stays a string', () => {
    const answer = pages.find((p) => p.path.startsWith('q/'))!;
    expect(typeof parse(splitPage(answer.content).frontmatter).title).toBe('string');
    const home = parse(splitPage(pages.find((p) => p.path === 'index.mdx')!.content).frontmatter);
    expect(home.description).toMatch(/merged from 1 sources/);
  });

  it('compile as MDX with no raw HTML element', async () => {
    for (const page of pages) {
      const { body } = splitPage(page.content);
      expect(rawHtmlElements(body), page.path).toEqual([]);
      await expect(compile(body, { remarkPlugins: [remarkMath] })).resolves.toBeDefined();
    }
  });
});

describe('the ids of new headings', () => {
  it('are the anchors Starlight gives the same heading', () => {
    expect(slugify('What is positional encoding and why is it needed?')).toBe('what-is-positional-encoding-and-why-is-it-needed');
    expect(slugify("Why isn't simply increasing context length a viable solution?")).toBe('why-isnt-simply-increasing-context-length-a-viable-solution');
    expect(slugify('What are the main limitations of RNNs/LSTMs?')).toBe('what-are-the-main-limitations-of-rnnslstms');
  });

  it('drop the LaTeX commands of math, as the heading shows it', () => {
    expect(slugify('Why do we scale attention scores by $\\sqrt{d_k}$?')).toBe('why-do-we-scale-attention-scores-by-d_k');
  });

  it('are cut at a word boundary past 64 characters', () => {
    expect(slugify('What are the trade-offs between using transformer-based models like BERT and traditional models?')).toBe(
      'what-are-the-trade-offs-between-using-transformer-based-models',
    );
  });

  it('are never empty', () => {
    expect(slugify('???')).toBe('entry');
  });
});

