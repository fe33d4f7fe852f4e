import { VFile } from 'vfile';
import type { EntryFile } from '../../scripts/lib/read/entry-files.ts';
import { parseEntryFile } from '../../scripts/lib/read/entry-files.ts';
import type { EntryFileData } from '../../scripts/lib/read/schema.ts';
import { realEntryFiles } from './run-pipeline.ts';

/** An entry file as the ingest reads it from sources/entries/<id>.md, written out as its text. */
export function entryFile(id: string, text: string): { file: EntryFile | undefined; vfile: VFile } {
  const vfile = new VFile({ path: `sources/entries/${id}.md`, value: text });
  return { file: parseEntryFile(vfile), vfile };
}

/** A file holding only decisions, for tests that change one decision. */
export function decisions(id: string, data: EntryFileData): EntryFile {
  return { id, questions: [], vfile: new VFile({ path: `sources/entries/${id}.md` }), data, lineOf: () => 1, answerLine: 1, citations: [], uncited: [] };
}

/** The grouping decisions of the real entry files (holds, apart, the editors' questions) alone: for runs with another id map. */
export function groupingDecisions(): EntryFile[] {
  return realEntryFiles().flatMap((f) => {
    const { holds, apart, question } = f.data;
    if (!holds && !apart && !question) return [];
    return [{ ...decisions(f.id, { holds, apart, question }), questions: f.questions, ...(f.answer === undefined ? {} : { answer: f.answer }) }];
  });
}
