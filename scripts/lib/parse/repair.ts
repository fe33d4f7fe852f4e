/**
 * Repairs of lines one source's extraction damaged (manifest `repairs`), applied before the source is parsed,
 * so every later stage reads the repaired text. The damaged text is matched as whole words ("ou want" is not in
 * "You want"), so a repair whose text is no longer on its line (the source was extracted again) is reported and
 * left out rather than applied twice.
 */
import type { Problem } from '../shared/problem.ts';
import type { Repair } from '../read/schema.ts';

/** The repaired lines; `applied` says, repair by repair, whether its text was on its line. */
export function repairLines(
  lines: readonly string[],
  source: { id: string; file: string; repairs?: Repair[] },
): { lines: string[]; problems: Problem[]; applied: boolean[] } {
  const repaired = [...lines];
  const problems: Problem[] = [];
  const applied: boolean[] = [];
  (source.repairs ?? []).forEach((repair, i) => {
    const text = repaired[repair.line - 1];
    const damaged = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(repair.extracted)}(?![\\p{L}\\p{N}])`, 'u');
    if (text === undefined || !damaged.test(text)) {
      problems.push({
        file: source.file,
        line: repair.line,
        message: `repair ${i + 1} of source "${source.id}" in the manifest expects "${repair.extracted}" on this line, which does not contain it: the repair was not applied`,
      });
      applied.push(false);
      return;
    }
    repaired[repair.line - 1] = text.replace(damaged, () => repair.repaired);
    applied.push(true);
  });
  return { lines: repaired, problems, applied };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
