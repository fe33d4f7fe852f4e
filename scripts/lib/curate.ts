/**
 * Applies the editors' curations (sources/curation.json) on top of the automatic grouping: merges and splits
 * act on groups, wording and topic on entries. Each returns new groups or entries and the problems it found: a
 * curation that names no question is reported, not fatal.
 */
import type { Entry } from './entries.ts';
import type { Group } from './group/index.ts';
import type { Problem, Variant } from './model.ts';
import type { Curation, QuestionRef } from './schema.ts';
import { CURATION } from './read-sources.ts';
import { normaliseWording } from './slug.ts';

const normalise = normaliseWording;

export function matches(variant: Variant, ref: QuestionRef): boolean {
  return variant.source === ref.source && normalise(variant.question).startsWith(normalise(ref.question));
}

function unmatched(index: number, ref: QuestionRef): Problem {
  return { file: CURATION, line: index + 1, message: `curation ${index + 1} names "${ref.question}" in source "${ref.source}", which no question starts with` };
}

/** The editors' `apart` curations as a test of two questions; names that match no question are reported. */
export function keptApartBy(curations: Curation[], variants: readonly Variant[]): { keptApart: (a: Variant, b: Variant) => boolean; problems: Problem[] } {
  const problems: Problem[] = [];
  const pairs: [QuestionRef, QuestionRef][] = [];
  curations.forEach((curation, i) => {
    if (curation.action !== 'apart') return;
    for (const ref of curation.questions) if (!variants.some((v) => matches(v, ref))) problems.push(unmatched(i, ref));
    pairs.push([curation.questions[0]!, curation.questions[1]!]);
  });
  // The attach pass asks this for every pair of questions it weighs: which curations name a question is found once.
  const sidesOf = new Map<Variant, boolean[][]>();
  const sides = (v: Variant) => {
    let found = sidesOf.get(v);
    if (!found) {
      found = pairs.map((pair) => pair.map((ref) => matches(v, ref)));
      sidesOf.set(v, found);
    }
    return found;
  };
  const keptApart = (a: Variant, b: Variant) => {
    const [x, y] = [sides(a), sides(b)];
    return x.some(([a0, a1], i) => (a0 && y[i]![1]) || (a1 && y[i]![0]));
  };
  return { keptApart, problems };
}

export function curateGroups(groups: Group[], curations: Curation[]): { groups: Group[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let result = groups;
  curations.forEach((curation, i) => {
    if (curation.action === 'merge') {
      const targets = curation.questions.map((ref) => {
        const group = result.find((g) => g.variants.some((v) => matches(v, ref)));
        if (!group) problems.push(unmatched(i, ref));
        return group;
      });
      const found = [...new Set(targets.filter((g): g is Group => g !== undefined))];
      if (found.length < 2) return;
      const [into, ...rest] = found;
      const merged: Group = { key: `${into!.key}+curated`, subject: into!.subject, variants: found.flatMap((g) => g.variants) };
      result = result.flatMap((g) => (g === into ? [merged] : rest.includes(g) ? [] : [g]));
    } else if (curation.action === 'split') {
      const group = result.find((g) => g.variants.some((v) => matches(v, curation.question)));
      if (!group) return problems.push(unmatched(i, curation.question));
      const variant = group.variants.find((v) => matches(v, curation.question))!;
      if (group.variants.length === 1) return;
      const kept: Group = { ...group, variants: group.variants.filter((v) => v !== variant) };
      const split: Group = { key: `${group.key}+split:${variant.source}:${variant.line}`, subject: group.subject, variants: [variant], settled: true };
      result = result.flatMap((g) => (g === group ? [kept, split] : [g]));
    }
  });
  return { groups: result, problems };
}

export function curateEntries(entries: readonly Entry[], curations: Curation[], topics: string[]): { entries: Entry[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let result = [...entries];
  const replace = (entry: Entry, curated: Entry) => {
    result = result.map((e) => (e === entry ? curated : e));
  };
  curations.forEach((curation, i) => {
    if (curation.action !== 'wording' && curation.action !== 'topic') return;
    const entry = result.find((e) => e.variants.some((v) => matches(v, curation.question)));
    if (!entry) return problems.push(unmatched(i, curation.question));
    if (curation.action === 'wording') {
      // The editors' own heading, or the wording of the question the curation names.
      const question = curation.text ?? entry.variants.find((v) => matches(v, curation.question))!.question;
      replace(entry, { ...entry, question, editorsWording: curation.text !== undefined });
    } else if (topics.includes(curation.topic)) replace(entry, { ...entry, topic: curation.topic });
    else problems.push({ file: CURATION, line: i + 1, message: `curation ${i + 1} names the topic "${curation.topic}", which does not exist: use one of ${topics.join(', ')}` });
  });
  return { entries: result, problems };
}
