/**
 * What the grouping asks an editor to settle about a source nobody has reviewed yet. From the third pass
 * (group/answer-join.ts): every join it made, weakest first, since a wrong join puts another question's points
 * into an entry's answer; and the questions it left alone although their nearest entry came close, strongest
 * first, since each may be a rewording that now has an entry of its own. From the keys and attach passes: the
 * source's questions they put into other sources' entries (earlierJoins). `npm run review` prints these before
 * its other lists, each with the one curation line that would reverse the decision.
 */
import { JOIN_THRESHOLD, type JoinFeatures, joinProbability, type ResemblanceParts, type Variant } from '../lib/index.ts';

/** One decision of the third pass, as its `observe` hook sees it. */
export interface JoinDecision {
  /** The question weighed (its wordings in the source being read). */
  question: readonly Variant[];
  /** The nearest earlier entry's questions. */
  entry: readonly Variant[];
  features: JoinFeatures;
}

export interface WeighedJoin extends JoinDecision {
  probability: number;
}

export interface JoinQueue {
  /** The joins made, weakest first. */
  joined: WeighedJoin[];
  /** Questions left alone whose nearest entry had at least `nearMiss` probability, strongest first. */
  leftAlone: WeighedJoin[];
}

/** Below this, a question left alone is far enough from every entry not to need an editor's eye. */
export const NEAR_MISS = 0.3;

export function joinQueue(decisions: readonly JoinDecision[], threshold = JOIN_THRESHOLD, nearMiss = NEAR_MISS): JoinQueue {
  const weighed = decisions.map((d) => ({ ...d, probability: joinProbability(d.features) }));
  return {
    joined: weighed.filter((d) => d.probability >= threshold).sort((a, b) => a.probability - b.probability),
    leftAlone: weighed.filter((d) => d.probability < threshold && d.probability >= nearMiss).sort((a, b) => b.probability - a.probability),
  };
}

/** A question of an unreviewed source that the earlier passes put into an entry of other sources. */
export interface EarlierJoin {
  question: Variant;
  /** The other sources' question of the entry it is most like (by the grouping's resemblance). */
  closest: Variant;
  evidence: ResemblanceParts;
}

/**
 * The other automatic decisions about a source nobody has reviewed: its questions that the keys and attach
 * passes put into an entry of other sources (same subject and kind, or a strong resemblance), weakest evidence
 * first. With the third pass's joins (joinQueue), every question of the source that shares an entry with other
 * sources is listed once. `placedByEditors(v)`: an editor has placed the question (a merge or split names it).
 */
export function earlierJoins(
  entries: readonly { variants: readonly Variant[] }[],
  unreviewed: (source: string) => boolean,
  joinedByAnswers: ReadonlySet<Variant>,
  placedByEditors: (v: Variant) => boolean,
  compare: (a: Variant, b: Variant) => ResemblanceParts,
): EarlierJoin[] {
  return entries
    .flatMap((e) =>
      e.variants
        .filter((v) => unreviewed(v.source) && !joinedByAnswers.has(v) && !placedByEditors(v))
        .flatMap((question) => {
          const weighed = e.variants.filter((w) => w.source !== question.source).map((closest) => ({ question, closest, evidence: compare(closest, question) }));
          return weighed.length ? [weighed.reduce((best, x) => (x.evidence.score > best.evidence.score ? x : best))] : [];
        }),
    )
    .sort((a, b) => a.evidence.score - b.evidence.score);
}
