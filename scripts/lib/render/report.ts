/**
 * The ingest's reports for editors, in reports/:
 * - grouping.md: every merged entry with the evidence that grouped it (subject concepts and question kind), and
 *   for each entry its closest neighbours that were not merged, so an editor can audit the grouping in minutes
 *   and add a curation where automation got it wrong;
 * - sources.md: how each source was read (its file, its layout, the lines removed as extraction noise and the
 *   repairs), which the sources page leaves out because it speaks to readers.
 */
import type { Entry } from '../links/link-entries.ts';
import type { Group } from '../group/group.ts';
import type { Repair, Source } from '../read/schema.ts';
import type { Problem } from '../shared/problem.ts';

/** How one source was read, for the ingest's report (reports/sources.md); readers never see it. */
export interface SourceReading {
  source: Pick<Source, 'id' | 'title' | 'file' | 'format'>;
  /** Questions its layout's parser found. */
  questions: number;
  /** Lines dropped as extraction noise, counted per reason (see ParseResult). */
  removed: Record<string, number>;
  /** The manifest's repairs of its lines, each with whether it applied. */
  repairs: (Repair & { applied: boolean })[];
}

/** What the grouping review reads of a run. */
interface GroupingRun {
  entries: Entry[];
  groups: Group[];
  stats: { questions: number; entries: number; merged: number };
}

const NEIGHBOURS = 2;

export function groupingReport(result: GroupingRun): string {
  const { entries, stats } = result;
  // Entries hold the very variant objects their group held.
  const groupByVariant = new Map(result.groups.flatMap((g) => g.variants.map((v) => [v, g] as const)));
  const groupOf = (e: (typeof entries)[number]) => groupByVariant.get(e.variants[0]!);
  const lines = [
    '# Grouping review',
    '',
    `${stats.questions} question instances grouped into ${stats.entries} entries (${stats.merged} merged).`,
    'Each entry shows the key that grouped its wordings: the question kind and the subject concepts.',
    'Neighbours are entries that share a subject concept but were kept apart.',
    '',
  ];
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => e.subject.forEach((c) => postings.set(c, [...(postings.get(c) ?? []), i])));
  entries.forEach((entry, i) => {
    const group = groupOf(entry);
    if (!group) return;
    const shared = new Map<number, number>();
    for (const c of entry.subject) for (const j of postings.get(c) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    const neighbours = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NEIGHBOURS);
    if (entry.variants.length < 2 && neighbours.length === 0) return;
    lines.push(`## ${entry.question}`, '', `- id: \`${entry.id}\`, topic: ${entry.topic}, key: \`${group.key}\``);
    for (const v of entry.variants) lines.push(`- [${v.source}:${v.line}] ${v.question}`);
    for (const [j] of neighbours) {
      const other = groupOf(entries[j]!);
      lines.push(`- not merged with: ${entries[j]!.question} (\`${other?.key}\`)`);
    }
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

export function sourcesReport(result: { reading: SourceReading[]; problems: Problem[] }): string {
  const lines = [
    '# How the sources were read',
    '',
    'For each source of sources/sources.json: the file read, the layout that parsed it, the questions found, the lines',
    'dropped as extraction noise (by reason) and the repairs of its lines. Readers see none of this; the sources page',
    'names each source, its author, origin, link and licence.',
    '',
  ];
  for (const { source, questions, removed, repairs } of result.reading) {
    const noise = Object.entries(removed).filter(([, n]) => n > 0);
    const warnings = result.problems.filter((p) => p.file === source.file);
    lines.push(`## ${source.title} (\`${source.id}\`)`, '');
    lines.push(`- file: \`${source.file}\``, `- layout: ${source.format}`, `- questions found: ${questions}`);
    if (noise.length === 0) lines.push('- removed as extraction noise: nothing');
    else {
      const total = noise.reduce((n, [, count]) => n + count, 0);
      lines.push(`- removed as extraction noise: ${total} ${total === 1 ? 'line' : 'lines'}`);
      for (const [why, n] of noise) lines.push(`  - ${why}: ${n}`);
    }
    for (const r of repairs) lines.push(`- repair, line ${r.line}: "${r.extracted}" → "${r.repaired}" (${r.applied ? 'applied' : 'NOT applied: the text is no longer on that line'}). ${r.reason}`);
    if (warnings.length) lines.push(`- warnings: ${warnings.length} (listed in the ingest's summary)`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
