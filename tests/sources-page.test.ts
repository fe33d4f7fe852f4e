/**
 * The sources page speaks to readers: who wrote each source, where it comes from, where to find it, on what
 * terms it is quoted, and its questions. How the ingest read a source (file, layout, noise removed, repairs)
 * goes to the editors' report, reports/sources.md. Expected values are the real manifest's.
 */
import type { Link, List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { sourcesReport } from '../scripts/lib/render/report.ts';
import { realKnowledgeBase } from './helpers/kb.ts';
import { parseMdx, splitPage } from './helpers/mdx.ts';

const result = realKnowledgeBase();
const page = result.pages.find((p) => p.path === 'sources.mdx')!.content;
const tree = parseMdx(splitPage(page).body);

/** Each source's section: the text of its facts list, and the links of its folded list of questions. */
function sections(): Map<string, { facts: string; questions: string[] }> {
  const found = new Map<string, { facts: string; questions: string[] }>();
  let current: { facts: string; questions: string[] } | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 2) {
      current = { facts: '', questions: [] };
      found.set(toString(node).replace(/\s*\{#.*\}$/, ''), current);
    } else if (current && node.type === 'list' && !current.facts) {
      current.facts = (node as List).children.map((item) => toString(item)).join('\n');
    } else if (current && node.type === 'mdxJsxFlowElement' && (node as MdxJsxFlowElement).name === 'SourceQuestions') {
      visit(node, 'link', (link: Link) => void current!.questions.push(link.url));
    }
  }
  return found;
}

describe('the sources page', () => {
  it('names no file, no layout and no noise removed: those are for the editors', () => {
    for (const source of result.kb.sources) expect(page).not.toContain(source.file);
    expect(page).not.toMatch(/[\w-]+\/[\w.-]+\.(txt|json)\b/);
    expect(page).not.toMatch(/\blayout\b|\bnumbered-questions\b|\bquestion-answer\b/i);
    expect(page).not.toMatch(/noise|self-rating widget|running page header/i);
  });

  it('gives each source its title, author, licence and, where the manifest has one, its link', () => {
    const found = sections();
    expect(found.get('Transformer and LLM Interview Questions, Part 6')!.facts).toBe(
      [
        'Author: not stated in the source',
        'Where it comes from: Social-media post series (PDF extraction); original author not stated in the text',
        'Licence: Not stated; quoted for study with attribution',
      ].join('\n'),
    );
    expect(found.get('200 Questions About Transfer Learning and Transformers')!.facts).toBe(
      [
        'Author: Saman Siadati (2024)',
        'Edition: 1.1',
        'Where it comes from: Book, 10 chapters of 20 questions, glossary and references (PDF extraction)',
        'Link: doi.org/10.5281/zenodo.15817649',
        'Licence: The author invites use, sharing and adaptation with citation',
      ].join('\n'),
    );
    expect(page).toContain('[doi.org/10.5281/zenodo.15817649](https://doi.org/10.5281/zenodo.15817649)');
    expect(found.get('LLM Interview Questions (Part II)')!.facts).toMatch(/^Author: Bhavishya Pandit\n/);
    for (const source of result.kb.sources) {
      const section = found.get(source.title);
      expect(section, source.title).toBeDefined();
      expect(section!.facts).toMatch(/^Author: .+/);
      expect(section!.facts).toMatch(/\nLicence: .+$/);
    }
  });

  it('lists every question of each source, each linking to its entry on a topic page', () => {
    const found = sections();
    const counts = Object.fromEntries([...found].filter(([, s]) => s.questions.length).map(([title, s]) => [title, s.questions.length]));
    expect(counts).toEqual({
      'Transformer and LLM Interview Questions, Part 6': 43,
      'LLM Architecture and BERT: 35 Questions and Answers': 35,
      'ML: Transformers Flashcards (55 cards)': 55,
      '200 Questions About Transfer Learning and Transformers': 200,
      'LLM Interview Questions (Part II)': 20,
      "Answers by the site's editors": 90,
    });
    const entryAnchors = new Set(result.kb.entries.map((e) => e.url));
    for (const [title, s] of found) for (const url of s.questions) expect(entryAnchors.has(url), `${title}: ${url}`).toBe(true);
  });
});

describe("the editors' report of how each source was read", () => {
  const report = sourcesReport(result);

  it('gives each source its file, its layout and the lines removed as extraction noise', () => {
    expect(report).toContain('## ML: Transformers Flashcards (55 cards) (`flashcards`)\n\n- file: `sources/002_4e7daef7a3257ace.txt`\n- layout: flashcards\n- questions found: 55\n');
    expect(report).toContain('  - self-rating widget: 176\n');
    expect(report).toContain('- file: `sources/000_62e82f3a1e3a3bc5.txt`\n- layout: numbered-questions\n');
    expect(report).toContain('- repair, line 592: "ou want" → "You want" (applied).');
    // The editors' questions are read from their entry files, not from a source file.
    for (const source of result.kb.sources.filter((s) => s.id !== 'editors')) expect(report).toContain(`- file: \`${source.file}\``);
  });
});
