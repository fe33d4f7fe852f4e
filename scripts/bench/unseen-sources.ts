/**
 * The sources of eval/unseen/, read as a manifest entry in their layout would have them read, with their labels:
 * what bench:unseen and bench:join measure the grouping on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSource, type Manifest, LAYOUTS, sourceSchemaFor, type SourceText } from '../lib/index.ts';

/** Per question: the kb.json entry it rewords (null for a new question), and others that would do as well. */
export interface UnseenLabel {
  line: number;
  question: string;
  entry: string | null;
  alsoAcceptable?: string[];
}

export interface UnseenSource {
  text: SourceText;
  labels: UnseenLabel[];
}

export function readUnseenSources(root: string, manifest: Manifest): UnseenSource[] {
  const dir = join(root, 'eval/unseen');
  const specs = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as Record<string, { format: string; title: string }>;
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, UnseenLabel[]>;
  // A layout that reads platform lines (a post's noise, a deck's rating widget) takes them as options: an unseen
  // source is read with those of the real source in its layout, as a manifest entry for it would say.
  const optionsOf = (format: string) => manifest.sources.find((s) => s.format === format)?.options;
  return Object.entries(specs).map(([id, spec]) => {
    const file = `eval/unseen/${id}.txt`;
    const source = sourceSchemaFor(LAYOUTS).parse({ id, ...spec, options: optionsOf(spec.format), file, author: null, origin: 'Written by the team to test generalisation', licence: 'Project' });
    return { text: { source, lines: decodeSource(readFileSync(join(root, file)), file) }, labels: labels[id]! };
  });
}
