/**
 * One answer per entry, written as a person would merge the sources' answers: each distinct point once, in
 * its fullest wording, crediting every source that makes it; the points most sources make first; long
 * answers grouped by what they answer (what it is, why, how, …); nothing any source states lost.
 *
 * 1. Every answer is cut into points on its Markdown tree (answer/points.ts): sentences, list items, labelled
 *    paragraphs, with their formulas, tables and nested lists; headings ("**Purpose:**") head the points
 *    under them.
 * 2. Each point is read as senses and facts (answer/senses.ts). Senses are weighted by how rare they are
 *    among all the sources' points, and what the entry's question names counts little (every point says it).
 * 3. Restatements collapse, fullest first: a point whose weighted senses are mostly in a fuller point (or in
 *    its main clause, when the rest only explains: "Since …, they are unaware of token order"), and whose facts
 *    (names, numbers, formulas, quoted and enumerated examples) are all there, is that point made again: it
 *    only adds its source to the credit of the sentence that says it (and its label when that has none). Of
 *    two wordings that restate each other, the one keeping every fact stands. A restatement with facts of its
 *    own stays, in the same bullet, after the point it restates.
 * 4. A point made by several others together is dropped and credits them: an enumeration ("such as dropout,
 *    regularization and early stopping") whose items are other points, a sentence whose clauses are.
 * 5. A clause another point says ("Residual connections allow X by adding the input to the output", when
 *    another point already says how) is cut, and the rest of the sentence kept.
 * 6. Points are ordered by how many sources make them, then as the sources give them; a sentence that leans
 *    on another ("This helps …") follows the point it leans on, and two that part at a fork become one.
 *    Headings of the same kind from several sources become one section, a source's sub-topic heading keeps
 *    its points in order and draws the others' points about it; with such sections, or a long answer, the
 *    other points join the section of what they answer (what it is, why, how, remedies, limits, examples).
 *    An entry only one source answers keeps that source's order and is not regrouped: its author's order is
 *    the argument.
 */
import type { List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { VOCABULARY } from '../data/vocabulary.ts';
import { plainText, slicePhrasing } from './answer/plain.ts';
import { blockText, formulas, type Heading, segment, type Unit, unitText } from './answer/points.ts';
import { buildSenseModel, type Fact, type SenseModel, type Target } from './answer/senses.ts';
import { buildConceptIndex, type ConceptIndex } from './group/concepts.ts';
import type { Variant } from './model.ts';
import { parseUntrusted, serialise } from './markdown/untrusted.ts';

/** A point restates another when this share of its weighted senses is in the other. */
export const SAME_POINT = 0.65;
/** A clause restates a point with a little less: it is one part of a sentence whose other parts are checked too. */
const SAME_CLAUSE = 0.6;
/** A clause that claims something of its own is cut from a sentence only when another point says this much of it. */
const CUT_CLAIM = 0.8;
/** A sentence every clause of which restates a point is made by those points: each clause with this share. */
const UNION_CLAUSE = 0.5;
/** Or, when each of two points has this share of its senses in the other. */
const MUTUAL = 0.5;
/** A point absorbed through a chain of restatements must still be this much in the wording that stands for it. */
const DRIFT = 0.5;
/** How much more a negated sense counts than the sense. */
const NEGATED = 1.5;
/** How much less a point restates another when the claim is only in one of its asides. */
const ASIDE = 0.85;
/** A main clause stands for its sentence when it holds this share of what the sentence says. */
const MAIN_CLAUSE = 0.4;
/** A labelled list item is restated only by a wording this much about the item (not a paragraph mentioning it). */
const LABELLED_SCOPE = 0.4;
/** What the question itself names counts this much: every point of the entry is about it. */
const SUBJECT_WEIGHT = 0.35;
/** A point from the lead joins a source's section when it shares this share of the heading's senses. */
const JOINS_SECTION = 0.3;
/** Answers with at least this many points are grouped by what they answer. */
const LONG_ANSWER = 8;

export type Facet = 'what' | 'why' | 'how' | 'remedy' | 'limits' | 'examples';
/** Headings that name a kind of answer, at their start ("**How it works:**", "**Techniques to Overcome …:**"). */
const FACETS: { facet: Facet; heading: RegExp; title: string }[] = [
  { facet: 'what', heading: /^(?:definition|what|overview|meaning|concept|description)\b/i, title: 'What it is' },
  { facet: 'why', heading: /^(?:(?:key |main )?(?:purpose|why|motivation|importance|benefits?|advantages?|role|need))\b/i, title: 'Why it matters' },
  { facet: 'how', heading: /^(?:how|mechanism|working|implementation|formula|process|steps?|architecture)\b/i, title: 'How it works' },
  // The problem before its remedies.
  { facet: 'limits', heading: /^(?:(?:key |main )?(?:limitations?|challenges?|drawbacks?|disadvantages?|trade-?offs?|cons))\b/i, title: 'Limitations and trade-offs' },
  { facet: 'remedy', heading: /^(?:techniques?|solutions?|strateg(?:y|ies)|mitigation|remed(?:y|ies)|ways to|methods to)\b/i, title: 'How to address it' },
  { facet: 'examples', heading: /^(?:examples?|applications?|use cases?)\b/i, title: 'Examples' },
];
const FACET_RANK = new Map(FACETS.map((f, i) => [f.facet, i]));

/** Cues of what a sentence answers, for the points no heading places (first match wins). */
const FACET_CUES: [Facet, RegExp][] = [
  // "To address these challenges, …": what it is for decides, not the problem it names.
  ['remedy', /^(?:to (?:address|mitigate|overcome|tackle|avoid|prevent|solve)|solutions? (?:include|involve))\b/i],
  ['limits', /\b(?:however|drawbacks?|limitations?|challeng\w*|costly|expensive|struggl\w*|quadratic|trade-?offs?|downsides?)\b/i],
  ['why', /\b(?:lacks?|unaware|invariant|cannot|absent|without (?:it|them))\b/i],
  // "X is a …", "X (…), developed by …, is a …", "X (Dao et al., 2022) is …", "X is used to …", not "Techniques like A, B are used …".
  ['what', /^(?!(?:\S+\s+){0,8}?(?:like|such as|including)\s)(?:[\w()'’,.-]+\s+){1,8}(?:(?:is|are) (?:a|an|the|one|used|essentially)|refers? to|means|describes|occurs when)\b/i],
  ['remedy', /\b(?:techniques? such as|solutions? (?:include|involve)|to mitigate|to prevent|mitigated by|addressed by|(?:address|mitigate|overcome|tackle)s? the)\b/i],
  ['how', /\b(?:comput\w*|calculat\w*|appl(?:y|ies|ied)|add(?:s|ed)?|project\w*|concatenat\w*|multipl(?:y|ies|ied|ication)|works? by|formula|implement\w*|consists? of|composed of|weighted sum|each token)\b/i],
  ['why', /\b(?:helps?|allows?|enables?|improv\w*|prevents?|mitigat\w*|reduc\w*|ensur\w*|essential|important|need(?:s|ed)?|useful|crucial|so that|in order to|to address|benefits?|advantages?|captur\w*|stabili[sz]\w*|efficien\w*)\b/i],
  ['examples', /\b(?:for example|examples? include)\b/i],
];
/** A label that names a kind of answer ("**Definition:**", "**Advantages:**"). */
const FACET_LABELS: [Facet, RegExp][] = [
  ['what', /^(?:definition|overview|what it is)$/i],
  ['why', /^(?:purpose|advantages?|benefits?|importance|motivation|why)$/i],
  ['how', /^(?:mechanism|how it works|formula|implementation|process)$/i],
  ['limits', /^(?:limitations?|drawbacks?|disadvantages?|challenges?|trade-?offs?)$/i],
  ['examples', /^(?:examples?|applications?|use cases?)$/i],
];
/** What a sentence introducing a list announces ("To mitigate this, several strategies are used:"). */
const LEAD_IN_FACETS: [Facet, RegExp][] = [
  ['remedy', /\b(?:mitigat\w*|prevent\w*|avoid\w*|overcom\w*|address\w*|strateg(?:y|ies)|techniques?|solutions?)\b/i],
  ['limits', /\b(?:limitations?|challenges?|drawbacks?|disadvantages?)\b/i],
  ['examples', /\b(?:examples?|applications?)\b/i],
  ['why', /\b(?:benefits?|advantages?|reasons?)\b/i],
  ['how', /\b(?:steps?|works?|process)\b/i],
];

/** What a question asks, for the points of its answer no cue places. */
const QUESTION_FACETS: [Facet, RegExp][] = [
  // "How does it handle multi-modal inputs?" asks how it works: handling is not a remedy.
  ['remedy', /\b(?:avoid\w*|prevent\w*|mitigat\w*|overcom\w*|reduc\w*|address\w*)\b/i],
  ['limits', /\b(?:limitations?|challenges?|drawbacks?|disadvantages?|issues|problems|trade-?offs?)\b/i],
  ['examples', /\b(?:examples?|types?|kinds?|variants?)\b/i],
  ['how', /^(?:how (?:does|do|is|are)|explain how)\b|\bhow\b.*\bworks?\b/i],
  ['why', /\b(?:why|role|purpose|importan\w*|useful|needed|essential)\b/i],
  ['what', /^(?:what (?:is|are)|define|explain)\b/i],
];

/** The facet a wording names, if it names one. */
const askedFacet = (question: string): Facet | null => QUESTION_FACETS.find(([, re]) => re.test(question))?.[0] ?? null;

/** The facet most of an entry's wordings ask for. */
function questionFacet(questions: string[]): Facet {
  const counts = new Map<Facet, number>();
  for (const q of questions) {
    const facet = askedFacet(q);
    if (facet) counts.set(facet, (counts.get(facet) ?? 0) + 1);
  }
  let best: Facet = 'what';
  for (const [facet] of QUESTION_FACETS) if ((counts.get(facet) ?? 0) > (counts.get(best) ?? 0)) best = facet;
  return best;
}

interface Clause {
  start: number;
  end: number;
  role: 'lead' | 'main' | 'trail';
  /** A reason or an aside ("since …", ", which …"), not a claim of its own ("; …", "→ …"). */
  explains: boolean;
  /** Whether the rest of the sentence reads without it ("Since …, they …" does not). */
  droppable: boolean;
  senses: Set<string>;
  facts: Fact[];
}

interface Point {
  id: number;
  unit: Unit;
  senses: Set<string>;
  target: Target;
  facts: Fact[];
  size: number;
  sources: Set<string>;
  fate: { kind: 'kept' } | { kind: 'absorbed'; into: Point } | { kind: 'covered'; by: Point[] };
  label: PhrasingContent[] | null;
  body: PhrasingContent[];
  clauses: Clause[];
  /** The point this one restates but for facts of its own: it is shown after it, in its bullet. */
  addsTo?: Point;
}

/** A point of the merged answer, for the benchmark and tests. */
export interface MergedPoint {
  markdown: string;
  sources: string[];
  section: string | null;
  /** The original points it stands for: itself, the restatements it absorbed, the points it covers. */
  members: { source: string; text: string }[];
}

/**
 * What the merge reads every answer with: the sense model, and how many of all the sources' points make each
 * sense (a sense most points make, "model", counts little; a rare one, "permutation", counts much).
 */
export interface MergeContext {
  model: SenseModel;
  df: Map<string, number>;
  points: number;
}

const models = new WeakMap<ConceptIndex, SenseModel>();
let defaultIndex: ConceptIndex | undefined;
function senseModel(index?: ConceptIndex): SenseModel {
  const key = index ?? (defaultIndex ??= buildConceptIndex(VOCABULARY));
  let model = models.get(key);
  if (!model) models.set(key, (model = buildSenseModel(key)));
  return model;
}

/** The context of a corpus of answers (all the sources' answers, so weights do not depend on one entry). */
export function mergeContext(answers: string[], index?: ConceptIndex): MergeContext {
  // The merge and the editors' corrections read the same corpus: it is read once.
  const key = answers.join('\u0000');
  if (lastContext && lastContext.index === index && lastContext.key === key) return lastContext.context;
  const model = senseModel(index);
  const df = new Map<string, number>();
  let points = 0;
  answers.forEach((answer, i) => {
    for (const unit of segment(answer, '', i)) {
      points++;
      for (const s of model.analyse(`${unitText(unit)} ${blockText(unit)}`).senses) df.set(s, (df.get(s) ?? 0) + 1);
    }
  });
  lastContext = { index, key, context: { model, df, points } };
  return lastContext.context;
}
let lastContext: { index: ConceptIndex | undefined; key: string; context: MergeContext } | undefined;

/**
 * How much a sense weighs among `points` points of which `df` carry it: rarer weighs more, what the question
 * names (`subject`) little. A negated sense ("¬order") counts as the sense itself, and a half more: it carries
 * the claim.
 */
function senseWeight(model: SenseModel, df: Map<string, number>, points: number, subject: Set<string>, sense: string): number {
  const plain = sense.replace(/^¬/, '');
  return model.baseWeight(plain) * Math.log(1 + points / (df.get(plain) ?? 1)) * (subject.has(plain) ? SUBJECT_WEIGHT : 1) * (plain === sense ? 1 : NEGATED);
}

/**
 * Whether the text of `by` (Markdown) says what `point` says, as one point of a merged answer restates another:
 * most of its weighted senses, every fact. For the editors' corrections, which are written after the merge.
 */
export function restates(context: MergeContext, question: string, point: string, by: string): boolean {
  const { model, df, points } = context;
  const subject = new Set([...model.analyse(question).senses].filter((s) => model.baseWeight(s) >= 1));
  const weight = (s: string) => senseWeight(model, df, points, subject, s);
  const read = (markdown: string) => {
    const tree = parseUntrusted(markdown);
    const text = plainText(tree.children);
    return { text, math: formulas({ label: null, body: [], blocks: tree.children }) };
  };
  const a = read(point);
  const b = read(by);
  const target: Target = { senses: model.analyse(b.text).senses, math: new Set(b.math.map((m) => m.replace(/\s+/g, ''))), text: b.text.toLowerCase() };
  // The correction is a fuller statement, of a finer grain than the points: a point goes into it only when it
  // says nearly all of the point, and the point says something of its own (not "Capturing long-range dependencies").
  const senses = model.analyse(a.text).senses;
  if ([...senses].filter((s) => model.baseWeight(s.replace(/^¬/, '')) >= 1 && !subject.has(s)).length < 3) return false;
  if (coverage(senses, target.senses, weight) < CUT_CLAIM) return false;
  // A name the question gives is what every point is about, not a fact of one (as in buildPoints).
  const facts = model.facts(a.text, a.math).filter((f) => f.kind !== 'name' || !f.senses.length || !f.senses.every((s) => subject.has(s)));
  return facts.every((f) => model.satisfied(f, target));
}

const PRONOUN_START = /^(?:they|it|its|this|these|those|we|he|she|there)\b/i;

type Bounds = Pick<Clause, 'start' | 'end' | 'role' | 'explains' | 'droppable'>;

/** A sentence's clauses: a leading "Since …,", the main clause, and a trailing ", which …", "; …" or "by …ing". */
function clauseBounds(text: string): Bounds[] {
  const end = text.replace(/[\s.!?]+$/, '').length;
  let mainStart = 0;
  const out: Bounds[] = [];
  const lead = /^(?:Since|Because|While|Although|Though|Whereas|Given that)\s[^,]{8,}?,\s+/.exec(text);
  if (lead) {
    out.push({ start: 0, end: lead[0].length, role: 'lead', explains: true, droppable: !PRONOUN_START.test(text.slice(lead[0].length)) });
    mainStart = lead[0].length;
  }
  // Reasons and asides ("since …", ", which …", "to prevent …") explain; what follows ";", "→", ", allowing …"
  // or "by using …" is a claim of its own, though one other points can make.
  const trail = /,\s*(?:which|since|because|while|whereas|meaning)\s|\s(?:since|because|to address|to overcome|to avoid|to prevent|in order to)\s|;\s+|\s*→\s*|,\s*(?:allowing|enabling|making|leading to|resulting in|helping)\s|\sby\s(?=\w+ing\b)/g;
  trail.lastIndex = mainStart + 12;
  const m = trail.exec(text);
  if (m && m.index < end - 8) {
    out.push({ start: mainStart, end: m.index, role: 'main', explains: false, droppable: false });
    // ", while the decoder …" and ", whereas …" contrast a claim of their own.
    const claim = /[;→]|allowing|enabling|making|leading|resulting|helping|while|whereas|\sby\s/.test(m[0]);
    // Any trailing clause another point makes can go; the rest of the sentence reads without it.
    out.push({ start: m.index, end, role: 'trail', explains: !claim, droppable: true });
  } else out.push({ start: mainStart, end, role: 'main', explains: false, droppable: false });
  return out;
}

function buildPoints(variants: Variant[], context: MergeContext | null, model: SenseModel): { points: Point[]; weight: (s: string) => number; subject: Set<string> } {
  const units = variants.flatMap((v, i) => segment(v.answer!, v.source, i));
  const subject = new Set<string>();
  for (const v of variants) for (const s of model.analyse(v.question).senses) if (model.baseWeight(s) >= 1) subject.add(s);

  const points: Point[] = units.map((unit, id) => {
    const text = unitText(unit);
    const full = `${text} ${blockText(unit)}`;
    const math = formulas(unit);
    const senses = model.analyse(text).senses;
    const bodyText = plainText(unit.body);
    // A label's words are the point's topic, not facts of it ("**Sinusoidal Function:**").
    const factText = `${bodyText} ${blockText(unit)}`;
    const clauses =
      unit.kind !== 'block'
        ? clauseBounds(bodyText).map((c) => {
            const part = bodyText.slice(c.start, c.end);
            return { ...c, senses: model.analyse(part).senses, facts: model.facts(part, []) };
          })
        : [];
    return {
      id,
      unit,
      senses,
      target: { senses: model.analyse(full).senses, math: new Set(math.map((m) => m.replace(/\s+/g, ''))), text: full.toLowerCase() },
      // A name the entry's question gives ("RNNs", "Seq2Seq models") is what every point is about, not a fact of one.
      facts: model.facts(factText, math).filter((f) => f.kind !== 'name' || !f.senses.length || !f.senses.every((s) => subject.has(s))),
      size: 0,
      sources: new Set([unit.source]),
      fate: { kind: 'kept' },
      label: unit.label,
      body: unit.body,
      clauses,
    };
  });

  let df = context?.df;
  let n = context?.points ?? 0;
  if (!df) {
    df = new Map<string, number>();
    for (const p of points) for (const s of p.target.senses) df.set(s, (df.get(s) ?? 0) + 1);
    n = points.length;
  }
  const counts = df;
  const weights = new Map<string, number>();
  const weight = (s: string) => {
    let w = weights.get(s);
    if (w === undefined) {
      w = senseWeight(model, counts, n, subject, s);
      weights.set(s, w);
    }
    return w;
  };
  for (const p of points) p.size = total(p.senses, weight);
  return { points, weight, subject };
}

function total(senses: Iterable<string>, weight: (s: string) => number): number {
  let sum = 0;
  for (const s of senses) sum += weight(s);
  return sum;
}

/** The weighted share of `senses` found in `target`. */
function coverage(senses: Set<string>, target: Set<string>, weight: (s: string) => number): number {
  let all = 0;
  let shared = 0;
  for (const s of senses) {
    const w = weight(s);
    all += w;
    if (target.has(s)) shared += w;
  }
  return all > 0 ? shared / all : 0;
}

export function mergePoints(variants: Variant[], context?: MergeContext): MergedPoint[] {
  return merge(variants.filter((v) => v.answer), context ?? null).merged;
}

/** How an entry's answers were merged, one line per point of the originals (for `npm run bench:answers -- --explain <id>`). */
export function explainMerge(variants: Variant[], context?: MergeContext): string[] {
  return merge(variants.filter((v) => v.answer), context ?? null).trace();
}

function merge(variants: Variant[], context: MergeContext | null) {
  const model = context?.model ?? senseModel();
  const { points, weight, subject } = buildPoints(variants, context, model);
  const kept = () => points.filter((p) => p.fate.kind === 'kept');
  const factsKept = (facts: Fact[], target: Target) => facts.every((f) => model.satisfied(f, target));
  const labelSenses = (label: PhrasingContent[] | null) => (label ? model.analyse(plainText(label)).senses : new Set<string>());
  const labelsAgree = (m: Point, r: Point) => !m.label || !r.label || coverage(labelSenses(m.label), r.target.senses, weight) >= 0.5;
  /** A clause restates a shown point when it says what the point or a wording it absorbed says, and keeps its facts. */
  const clauseRestates = (c: Clause, r: Point, threshold = SAME_CLAUSE) => coverage(c.senses, claimSenses(r), weight) >= threshold && factsKept(c.facts, r.target);
  /** What a point claims: not what only its reasons and asides say ("Since Transformers process … at once, positional encoding …"). */
  const claimSenses = (r: Point): Set<string> => {
    const out = clusterSenses(r);
    const asides = r.clauses.filter((c) => c.explains);
    if (!asides.length) return out;
    const claims = new Set([...labelSenses(r.label), ...r.clauses.filter((c) => !c.explains).flatMap((c) => [...c.senses])]);
    for (const c of asides) for (const x of c.senses) if (!claims.has(x)) out.delete(x);
    return out;
  };
  const clusterSenses = (r: Point): Set<string> => {
    const out = new Set(r.target.senses);
    for (const p of points) if (p !== r && p.fate.kind === 'absorbed' && shownFor(p) === r) for (const s of p.senses) out.add(s);
    return out;
  };

  const chains = new Map<Point, Target & { key: string }>();
  const chainParts = new Map<Point, Point[]>();
  // 3. Restatements, fullest first: each point, from the fullest down, is absorbed by the fuller point that
  // restates it best (or that absorbed a point restating it, if that still holds most of it), when every fact
  // of it is there; otherwise it stands.
  // A sentence and those leaning on it are as full as they are together.
  const fullness = new Map(points.map((p) => [p, chainOf(p).reduce((sum, q) => sum + q.size, 0)]));
  const bySize = [...points].sort((a, b) => fullness.get(b)! - fullness.get(a)! || a.id - b.id);
  const done: Point[] = [];
  for (const m of bySize) {
    const r = m.size > 0 && m.unit.kind !== 'block' ? bestRestatement(m, done) : null;
    done.push(m);
    if (r) {
      absorb(m, r);
      continue;
    }
    // Two wordings of one point where the smaller names what the fuller does not ("like RNNs"): the one that
    // keeps every fact stands for both.
    const swap = m.size > 0 && m.unit.kind !== 'block' ? done.find((r) => r !== m && r.fate.kind === 'kept' && r.unit.kind !== 'block' && restatement(r, m) > 0 && membersKept(r, m)) : undefined;
    if (swap && coverage(m.senses, swap.target.senses, weight) >= SAME_POINT) absorb(swap, m);
  }

  // A point that restates another but for facts of its own (more examples, a name) stays, in the other's
  // bullet after it: one point, with what this source adds.
  for (const m of points) {
    if (m.fate.kind !== 'kept' || m.size === 0 || m.unit.kind === 'block' || m.label) continue;
    const r = bestOf(
      // An item of a list stays in its list: a sentence naming it among others does not take it in. A point of
      // the same answer stays where its author put it.
      points.filter((r) => r !== m && r.unit.variant !== m.unit.variant && r.unit.kind !== 'block' && !(m.unit.kind === 'item' && r.unit.kind === 'sentence') && restatement(m, r, true) > 0 && !factsKept(m.facts, chainTarget(r, m))),
      (r) => restatement(m, r, true),
    );
    if (r) m.addsTo = r;
  }

  // A point kept because the wording that bridged it to a fuller one came later: once more, smallest first,
  // against every point.
  for (const m of [...bySize].reverse()) {
    if (m.fate.kind !== 'kept' || m.size === 0 || m.unit.kind === 'block') continue;
    const members = points.filter((p) => p !== m && shownFor(p) === m);
    const r = bestRestatement(m, points.filter((p) => p !== m && !members.includes(p)));
    if (r && members.every((p) => factsKept(p.facts, r.target))) absorb(m, r);
  }

  /** Whether every point `r` stands for keeps its facts in `m`. */
  function membersKept(r: Point, m: Point): boolean {
    return points.every((p) => p === m || shownFor(p) !== r || factsKept(p.facts, m.target));
  }

  function shownFor(p: Point): Point {
    let q = p;
    while (q.fate.kind === 'absorbed') q = q.fate.into;
    return q;
  }

  function bestRestatement(m: Point, candidates: Point[]): Point | null {
    let best: Point | null = null;
    let bestCover = 0;
    for (const c of candidates) {
      if (c === m) continue;
      // A point that makes the claim only in a clause of its own ("Since …, X") restates it less well than a
      // point whose main claim it is.
      // Of wordings that restate it as well, the one whose label names its label ("Parallelism", "Parallelization").
      const named = m.label && c.label ? 1e-6 * coverage(labelSenses(m.label), labelSenses(c.label), weight) : 0;
      // A point whose claim another makes only in its reason or aside ("Since Transformers process the entire
      // sequence at once, positional encoding …") is not made again by it: that point is about something else.
      const aside = asidesOnly(m, c);
      const cover = (aside && restatement(m, c) <= SAME_POINT && c.clauses.every((x) => x.role === 'main' || x.explains) ? 0 : restatement(m, c) * (aside ? ASIDE : 1)) + named;
      if (cover <= bestCover || cover === named) continue;
      const r = shownFor(c);
      // A sentence leaning on a point is shown with it, as part of what makes it full: not that point made again.
      if (r === m || r.fate.kind !== 'kept' || chainOf(r).includes(m)) continue;
      if (r !== c && !(factsKept(m.facts, chainTarget(r, m)) && labelsAgree(m, r) && covers(m, r, chainTarget(r, m).senses) >= DRIFT)) continue;
      best = r;
      bestCover = cover;
    }
    if (!best) return null;
    // Of the sentences of the fuller point's paragraph, the one that says it takes the credit.
    const chain = chainOf(best).filter((p) => p.fate.kind === 'kept' && p !== m);
    return bestOf(chain, (p) => coverage(m.senses, p.target.senses, weight) + (p === best ? 1e-9 : 0));
  }

  /** Whether what `m` claims is in `r` only through the clauses of `r` that explain or comment. */
  function asidesOnly(m: Point, r: Point): boolean {
    const main = r.clauses.find((c) => c.role === 'main');
    if (!main || r.clauses.length < 2) return false;
    const claim = m.clauses.find((c) => c.role === 'main')?.senses ?? m.senses;
    return coverage(claim, main.senses, weight) < SAME_CLAUSE;
  }

  function absorb(m: Point, r: Point) {
    m.fate = { kind: 'absorbed', into: r };
    for (const s of m.sources) r.sources.add(s);
    if (m.label && !r.label && r.unit.kind !== 'block') r.label = m.label;
  }

  /** How much `r` restates `m` (0 when it does not): by all that `m` says, or by its main clause when the rest only explains it. */
  function restatement(m: Point, r: Point, ignoreFacts = false): number {
    const target = chainTarget(r, m);
    if ((!ignoreFacts && !factsKept(m.facts, target)) || !labelsAgree(m, r)) return 0;
    // A labelled item is about its label ("**Positional Encoding:** …"): a wording that never names it says something else.
    if (m.label && !r.label && coverage(labelSenses(m.label), new Set([...r.senses, ...target.senses]), weight) < 0.5) return 0;
    // A labelled list item is not restated by a sentence that names its siblings too ("tasks like masked language
    // modeling (BERT) or autoregressive prediction (GPT)"): that sentence is the list said again.
    if (m.label && m.unit.list !== undefined && r.unit.variant !== m.unit.variant && enumeratesSiblings(m, r)) return 0;
    let cover = covers(m, r, target.senses);
    // Two wordings of about the same scope that share most of what they say.
    if (cover < SAME_POINT && cover >= MUTUAL && coverage(r.senses, m.target.senses, weight) >= MUTUAL) cover = SAME_POINT;
    if (cover < SAME_POINT) return 0;
    // A labelled item is a point of a list: only a wording of about its own scope restates it.
    if (m.label && !r.label && Math.max(coverage(r.senses, m.target.senses, weight), ...r.clauses.map((c) => coverage(c.senses, m.target.senses, weight))) < LABELLED_SCOPE) return 0;
    return cover;
  }

  /** Whether `r` enumerates the labelled item `m` and another item of its list, each as an item of its enumeration. */
  function enumeratesSiblings(m: Point, r: Point): boolean {
    const items = r.facts.filter((f) => f.kind === 'item' && f.senses.length);
    const named = (p: Point) => {
      const label = labelSenses(p.label);
      return items.some((f) => f.senses.filter((x) => label.has(x)).length * 2 >= f.senses.length);
    };
    return named(m) && points.some((s) => s !== m && s.label && s.unit.variant === m.unit.variant && s.unit.list === m.unit.list && named(s));
  }

  /** The share of what `m` says that `r` says: all of it, or its main clause when the rest only explains it. */
  function covers(m: Point, r: Point, target = r.target.senses): number {
    const cover = coverage(m.senses, target, weight);
    const main = m.clauses.find((c) => c.role === 'main');
    if (!main || m.clauses.length < 2 || !m.clauses.every((c) => c.role === 'main' || c.explains)) return cover;
    // Only a main clause that carries the sentence: not "Positional encodings are essential, to …", nor
    // "Learned embeddings → trainable".
    if (total(main.senses, weight) < MAIN_CLAUSE * m.size || [...main.senses].filter((x) => model.baseWeight(x) >= 1 && !subject.has(x)).length < 2) return cover;
    return Math.max(cover, coverage(main.senses, target, weight));
  }

  /**
   * What a point and the sentences leaning on it in its answer say together ("X. This helps …"), for a point
   * that is not one of those sentences.
   */
  function chainTarget(r: Point, m?: Point): Target {
    const chain = chainOf(r);
    if (m && chain.includes(m)) return r.target;
    // Only the sentences still shown with it: one that went to another point no longer says it here.
    const parts = chain.filter((p) => p === r || p.fate.kind === 'kept');
    const key = parts.map((p) => p.id).join(' ');
    let target = chains.get(r);
    if (target?.key !== key) {
      target = { key, senses: new Set(parts.flatMap((p) => [...p.target.senses])), math: new Set(parts.flatMap((p) => [...p.target.math])), text: parts.map((p) => p.target.text).join(' ') };
      chains.set(r, target);
    }
    return target;
  }

  function chainOf(r: Point): Point[] {
    let parts = chainParts.get(r);
    if (!parts) {
      parts = [r];
      for (const p of points) if (p.unit.variant === r.unit.variant && p.unit.leansOn !== null && parts.some((q) => q.unit.seq === p.unit.leansOn)) parts.push(p);
      chainParts.set(r, parts);
    }
    return parts;
  }

  // 4. Points that others make together.
  for (const u of bySize) {
    if (u.fate.kind !== 'kept') continue;
    const others = kept().filter((v) => v !== u);
    const by = coveredByClauses(u, others) ?? coveredByItems(u, others);
    if (!by) continue;
    u.fate = { kind: 'covered', by };
    for (const v of new Set(by)) for (const s of u.sources) v.sources.add(s);
  }

  function coveredByClauses(u: Point, others: Point[]): Point[] | null {
    if (u.clauses.length < 2) return null;
    const by: Point[] = [];
    let main: Point | null = null;
    // The clause that says most must be made again as fully as a clause dropped from a sentence.
    const heaviest = bestOf(u.clauses, (c) => total(c.senses, weight));
    for (const c of u.clauses) {
      if (total(c.senses, weight) === 0) continue;
      const v = bestOf(others.filter((o) => clauseRestates(c, o, c === heaviest ? SAME_CLAUSE : UNION_CLAUSE)), (o) => coverage(c.senses, clusterSenses(o), weight));
      if (!v) return null;
      by.push(v);
      if (c.role === 'main') main = v;
    }
    if (!by.length || !labelCovered(u, by)) return null;
    // The point that makes the main clause comes first: what leaned on this sentence goes there.
    return main ? [main, ...by.filter((v) => v !== main)] : by;
  }

  /** A labelled item ("**Fixed Context Length:** …") is made by others only if they name its label too. */
  function labelCovered(u: Point, by: Point[]): boolean {
    if (!u.label) return true;
    const union = new Set<string>();
    for (const v of by) for (const x of [...clusterSenses(v), ...labelSenses(v.label)]) union.add(x);
    return coverage(labelSenses(u.label), union, weight) >= 0.5;
  }

  function coveredByItems(u: Point, others: Point[]): Point[] | null {
    const items = u.facts.filter((f) => f.kind === 'item');
    if (items.length < 2) return null;
    const by: Point[] = [];
    for (const item of items) {
      // An item is best made by a point whose label names it ("**Dropout:** …").
      const v =
        others.find((o) => o.label && model.satisfied(item, { ...o.target, senses: labelSenses(o.label) })) ??
        others.find((o) => model.satisfied(item, o.target));
      if (!v) return null;
      if (!by.includes(v)) by.push(v);
    }
    const itemSenses = new Set(items.flatMap((i) => i.senses));
    const rest = new Set([...u.senses].filter((s) => !itemSenses.has(s)));
    const union: Target = { senses: new Set(), math: new Set(), text: '' };
    for (const v of by) {
      for (const s of v.target.senses) union.senses.add(s);
      for (const s of headingSenses(v.unit.heading)) union.senses.add(s);
      union.text += ` ${v.target.text}`;
    }
    // What frames the enumeration may restate the question ("Solve RNN limitations: …").
    for (const x of subject) union.senses.add(x);
    if (!labelCovered(u, by)) return null;
    const others2 = u.facts.filter((f) => f.kind !== 'item');
    if (coverage(rest, union.senses, weight) < SAME_POINT || !factsKept(others2, union)) return null;
    return by;
  }

  function headingSenses(heading: Heading | null): Set<string> {
    return heading ? model.analyse(heading.text).senses : new Set();
  }

  // 5. Clauses that repeat another point.
  const trimmed: Point[] = [];
  for (const u of kept()) {
    // Sentences only: a list item keeps the shape its list gives it.
    if (u.clauses.length < 2 || u.unit.kind !== 'sentence') continue;
    const text = plainText(u.unit.body);
    const main = u.clauses.find((c) => c.role === 'main')!;
    let start = main.start;
    let end = main.end;
    const credited: Point[] = [];
    for (const c of u.clauses) {
      if (c.role === 'main') continue;
      // Cut only what another shown point says in its own words: a reason or an aside with most of its
      // senses there, a clause that claims something ("by …", "; …") with nearly all of them.
      const needs = c.explains ? SAME_CLAUSE : CUT_CLAIM;
      // And with more than one of its senses, when it has more: "which allows longer contexts" is not said by a point
      // that only mentions the sequence length.
      const content = [...c.senses].filter((sense) => weight(sense) > 0);
      const shares = (o: Point) => content.filter((sense) => o.target.senses.has(sense)).length >= Math.min(2, content.length);
      const said = (o: Point) => (shares(o) ? coverage(c.senses, o.target.senses, weight) : 0);
      const v =
        c.droppable && total(c.senses, weight) > 0
          ? bestOf(kept().filter((o) => o !== u && said(o) >= needs && factsKept(c.facts, o.target)), said)
          : null;
      if (!v) {
        if (c.role === 'lead') start = c.start;
        else end = c.end;
        continue;
      }
      credited.push(v);
    }
    if (!credited.length) continue;
    let body = slicePhrasing(u.unit.body, start, end);
    if (!body) continue;
    body = capitalise(body);
    if (end < text.length) body.push({ type: 'text', value: text.slice(text.replace(/[\s.!?]+$/, '').length).trim() || '.' });
    u.body = body;
    const shownText = plainText(body);
    u.target = { ...u.target, senses: model.analyse(`${shownText} ${blockText(u.unit)}`).senses, text: `${shownText} ${blockText(u.unit)}`.toLowerCase() };
    for (const v of credited) v.sources.add(u.unit.source);
    trimmed.push(u);
  }

  // What is left of a trimmed sentence may now be another point made again.
  if (trimmed.length) chains.clear();
  for (const u of trimmed) {
    const text = plainText([...(u.label ?? []), { type: 'text', value: ' ' }, ...u.body]);
    u.senses = model.analyse(text).senses;
    u.size = total(u.senses, weight);
    u.clauses = [];
    const members = points.filter((p) => p !== u && shownFor(p) === u);
    const r = bestRestatement(u, points.filter((p) => p !== u && !members.includes(p) && p.size >= u.size));
    if (r && members.every((p) => factsKept(p.facts, r.target))) absorb(u, r);
  }

  /** For an editor: what became of each point, and what restates it most. */
  const trace = () =>
    points.map((p) => {
      const fate = p.fate.kind === 'absorbed' ? `→ [${p.fate.into.id}]` : p.fate.kind === 'covered' ? `made by [${p.fate.by.map((q) => q.id).join(', ')}]` : 'shown';
      const near = points
        .filter((q) => q !== p)
        .map((q) => [q.id, covers(p, q, chainTarget(q, p).senses), restatement(p, q, true) > 0, factsKept(p.facts, chainTarget(q, p))] as const)
        .filter(([, c]) => c >= 0.4)
        .sort((a, b) => b[1] - a[1])
        .map(([id, c, same, facts]) => `[${id}] ${c.toFixed(2)}${same ? '' : ' (no)'}${facts ? '' : ' (facts)'}`);
      return `[${p.id}] ${p.unit.source} ${fate}; restated by ${near.join(', ') || 'none'} | ${unitText(p.unit).slice(0, 90)}`;
    });
  // What the entry is about: the concepts most of its wordings name ("encoder-only" in all three wordings,
  // "encoder-decoder" in two of them is a side).
  const named = new Map<string, number>();
  for (const v of variants) for (const s of model.analyse(v.question).senses) if (s.startsWith('c:')) named.set(s, (named.get(s) ?? 0) + 1);
  const most = Math.max(0, ...named.values());
  const topic = new Set([...named].filter(([, n]) => n === most).map(([s]) => s));
  return { points, trace, ...assemble(points, model, weight, variants.map((v) => askedFacet(v.question)), topic, questionFacet(variants.map((v) => v.question))) };
}

/** The item with the highest score, the first of equals. */
function bestOf<T>(items: T[], score: (item: T) => number): T | null {
  let best: T | null = null;
  let bestScore = -Infinity;
  for (const item of items) {
    const s = score(item);
    if (s > bestScore) {
      best = item;
      bestScore = s;
    }
  }
  return best;
}

function capitalise(nodes: PhrasingContent[]): PhrasingContent[] {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text') return nodes;
  const value = first.value.replace(/^\s+/, '');
  return [{ ...first, value: value.charAt(0).toUpperCase() + value.slice(1) }, ...rest];
}

/** Connectives that add a point rather than continue the one before. */
const ADDITIVE = /^(?:Additionally|Also|Moreover|Furthermore|In addition),?\s+/;

/** Words that end a shared opening before two sentences go separate ways: "…, especially when A" / "…, especially when B". */
const FORK = /^(?:when|if|where|because|since|for|by|to|with|on|in)$/i;

/**
 * Two sentences in a row that say the same thing up to a fork ("This helps prevent overfitting, especially when
 * the dataset is small" and "…, especially when training on noisy data") become one: "…, especially when the
 * dataset is small, or when training on noisy data".
 */
function fuseParallel(parts: Point[]): Point[] {
  const out: Point[] = [parts[0]!];
  for (const q of parts.slice(1)) {
    const p = out.at(-1)!;
    const fused = p.unit.kind === 'sentence' && q.unit.kind === 'sentence' && !q.label ? fuse(p.body, q.body) : null;
    if (!fused) {
      out.push(q);
      continue;
    }
    p.body = fused;
    for (const s of q.sources) p.sources.add(s);
    q.fate = { kind: 'absorbed', into: p };
  }
  return out;
}

function fuse(a: PhrasingContent[], b: PhrasingContent[]): PhrasingContent[] | null {
  const ta = plainText(a);
  const tb = plainText(b);
  const wa = ta.trim().split(/\s+/);
  const wb = tb.trim().split(/\s+/);
  let n = 0;
  while (n < wa.length - 1 && n < wb.length - 1 && wa[n]!.toLowerCase() === wb[n]!.toLowerCase()) n++;
  if (n < 4 || n < 0.3 * wa.length || n < 0.3 * wb.length || !FORK.test(wa[n - 1]!)) return null;
  const words = [...tb.matchAll(/\S+\s*/g)];
  const cut = words[n - 1]!.index! + words[n - 1]![0].length;
  const tail = slicePhrasing(b, cut, tb.length);
  const end = ta.replace(/[\s.!?]+$/, '').length;
  const head = slicePhrasing(a, 0, end);
  if (!tail || !head) return null;
  return [...head, { type: 'text', value: `, or ${wa[n - 1]} ` }, ...tail];
}

/** Where a point that is not shown went: the point shown in its place. */
function shownAs(p: Point): Point | null {
  const seen = new Set<Point>();
  let q: Point | undefined = p;
  while (q && q.fate.kind !== 'kept' && !seen.has(q)) {
    seen.add(q);
    q = q.fate.kind === 'absorbed' ? q.fate.into : q.fate.by[0];
  }
  return q && q.fate.kind === 'kept' ? q : null;
}

interface Bullet {
  head: Point;
  /** Sentences that lean on the head (or on one another), in order. */
  chain: Point[];
  section: string;
  /** Its label is the heading of its section: shown once, as the heading. */
  headed?: boolean;
}

interface Section {
  key: string;
  heading: Paragraph | null;
  facet: Facet | null;
  rank: number;
  ordered: boolean;
  bullets: Bullet[];
}

function facetOfHeading(text: string): Facet | null {
  return FACETS.find((f) => f.heading.test(text))?.facet ?? null;
}

/**
 * What a point answers: its label when the label names a kind of answer, else the first cue its text gives;
 * a sentence about the subject with no cue describes it.
 */
function facetOfPoint(p: Point, opensWithSubject: (p: Point) => boolean): Facet | null {
  if (p.unit.kind === 'block') return 'how';
  if (p.label) {
    const label = plainText(p.label).trim().replace(/:$/, '').trim();
    const named = FACET_LABELS.find(([, re]) => re.test(label))?.[0];
    if (named) return named;
  }
  // The items of a list answer together what their answer's question asks.
  if (p.unit.kind === 'item') return null;
  const text = plainText(p.body);
  const cue = FACET_CUES.find(([, re]) => re.test(text))?.[0] ?? null;
  // "Positional encoding injects …": a sentence about the subject that gives no other cue says what it is.
  return cue ?? (!p.unit.heading && opensWithSubject(p) ? 'what' : null);
}

/** `asked`: what each answer's own question asks, by variant. */
function assemble(points: Point[], model: SenseModel, weight: (s: string) => number, asked: (Facet | null)[], subject: Set<string>, entryFacet: Facet): { merged: MergedPoint[]; sections: Section[] } {
  const opensWithSubject = (p: Point) => {
    if (p.unit.kind !== 'sentence') return false;
    const first = model.analyse(plainText(p.body).split(/\s+/).slice(0, 4).join(' ')).senses;
    return [...first].some((s) => s.startsWith('c:') && subject.has(s));
  };
  const byUnit = new Map(points.map((p) => [`${p.unit.variant}:${p.unit.seq}`, p]));
  const shown = points.filter((p) => p.fate.kind === 'kept');
  // A sentence that leans on another follows what its antecedent became.
  const follows = new Map<Point, Point>();
  for (const p of shown) {
    let antecedent = p.unit.leansOn !== null ? byUnit.get(`${p.unit.variant}:${p.unit.leansOn}`)! : p.addsTo;
    // A sentence leaning on one that other points make together follows what came before that one in its answer
    // ("Pretraining is …. [In transformers, pretraining involves MLM or AR.] These pretrained models are …").
    while (antecedent?.fate.kind === 'covered' && p.unit.leansOn !== null) {
      const before = byUnit.get(`${antecedent.unit.variant}:${antecedent.unit.seq - 1}`);
      if (!before || before.unit.heading !== antecedent.unit.heading || before.unit.kind !== 'sentence') break;
      antecedent = before;
    }
    if (!antecedent) continue;
    // "Additionally, …" adds a point of its own: when what it followed went into another source's point, it
    // stands alone, without the connective, rather than trail a point it does not continue.
    const additive = p.unit.leansOn !== null && antecedent.fate.kind !== 'kept' ? ADDITIVE.exec(plainText(p.body)) : null;
    if (additive) {
      const rest = slicePhrasing(p.body, additive[0].length, plainText(p.body).length);
      if (rest) {
        p.body = capitalise(rest);
        continue;
      }
    }
    const anchor = shownAs(antecedent);
    if (!anchor || anchor === p) continue;
    // No cycles: the anchor must not already follow this point.
    let q: Point | undefined = anchor;
    while (q && q !== p) q = follows.get(q);
    if (q === p) continue;
    follows.set(p, anchor);
  }
  const headOf = (p: Point): Point => {
    let q = p;
    while (follows.has(q)) q = follows.get(q)!;
    return q;
  };

  // Sections: one per kind of heading (facet) or per heading text, in the order the sources give them.
  const sections = new Map<string, Section>();
  const sectionKey = (heading: Heading | null, variant: number): string => {
    if (!heading) return 'lead';
    const facet = heading.style === 'lead-in' ? (LEAD_IN_FACETS.find(([, re]) => re.test(heading.text))?.[0] ?? null) : facetOfHeading(heading.text);
    if (heading.style === 'lead-in' && !facet) return `lead-in:${variant}:${heading.text}`;
    return facet ? `facet:${facet}` : `label:${[...model.analyse(heading.text).senses].sort().join(' ')}`;
  };
  const sectionOf = (p: Point): Section => {
    const key = sectionKey(p.unit.heading, p.unit.variant);
    let section = sections.get(key);
    if (!section) {
      const facet = key.startsWith('facet:') ? (key.slice(6) as Facet) : null;
      section = {
        key,
        heading: p.unit.heading?.node ?? null,
        facet,
        rank: key === 'lead' ? -1 : facet ? FACET_RANK.get(facet)! : 100 + p.id,
        ordered: p.unit.ordered,
        bullets: [],
      };
      sections.set(key, section);
    }
    if (!p.unit.ordered) section.ordered = false;
    return section;
  };

  // Every heading of the sources has its section, ranked by its first point, even when all its points went
  // elsewhere: the first source's heading names a kind of section.
  for (const p of points) sectionOf(p);
  const bullets: Bullet[] = [];
  for (const p of shown) {
    if (follows.has(p)) continue;
    const chain: Point[] = [];
    // The sentences that lean on a point follow it; what other sources add comes after all of them.
    const collect = (q: Point, adds: boolean) => {
      for (const r of shown) {
        if (follows.get(r) !== q || (r.unit.leansOn === null) !== adds) continue;
        chain.push(r);
        collect(r, false);
        collect(r, true);
      }
    };
    collect(p, false);
    collect(p, true);
    bullets.push({ head: p, chain: fuseParallel([p, ...chain]).slice(1), section: sectionOf(p).key });
  }
  // Points without a heading join the section of a source whose heading names what they say; the items of a
  // list go together, where most of them would.
  const labelled = [...sections.values()].filter((s) => s.key.startsWith('label:') && s.heading);
  const surface = (text: string) => model.analyse(text, { surface: true });
  const headingWords = new Map(labelled.map((s) => [s, surface(plainText(s.heading!.children)).senses]));
  const joins = new Map<Bullet, Section | null>();
  /** Bullets whose label is a section's heading: they go there, whatever their siblings do. */
  const named = new Map<Bullet, Section>();
  for (const b of bullets) {
    if (b.section !== 'lead') continue;
    // A point labelled as a section of another source is about that section ("**Decoder:** Generates …" goes
    // under "**Decoder:**"), and the heading says its label.
    const label = b.head.label ? surface(plainText(b.head.label)).senses : null;
    const same = label?.size ? labelled.find((s) => coverage(label, headingWords.get(s)!, weight) >= 0.99 && coverage(headingWords.get(s)!, label, weight) >= 0.99) : undefined;
    if (same) {
      named.set(b, same);
      continue;
    }
    let best: Section | null = null;
    let bestShare = 0;
    let bestAt = Infinity;
    // On the words themselves: "padding masks" and "causal masks" are one concept (masking) but two sections.
    const read = surface(b.head.target.text);
    // Of two headings the point names as much, the one it names first is its subject ("The encoder …, while the decoder …").
    const firstAt = (heading: Set<string>) => {
      const i = read.sequence.findIndex((x) => heading.has(x));
      return i < 0 ? Infinity : i;
    };
    let tied = false;
    for (const s of labelled) {
      const heading = headingWords.get(s)!;
      const share = coverage(heading, read.senses, weight);
      if (share < JOINS_SECTION) continue;
      const at = firstAt(heading);
      if (share > bestShare + 1e-9) tied = false;
      else if (share > bestShare - 1e-9) {
        // Named together ("the encoder-decoder structure", "encoder and decoder"): about both, in no one of them.
        if (Math.abs(at - bestAt) <= 2) tied = true;
        if (at >= bestAt) continue;
      } else continue;
      best = s;
      bestShare = share;
      bestAt = at;
    }
    joins.set(b, tied ? null : best);
  }
  const listOf = (b: Bullet) => (b.head.unit.list !== undefined ? `${b.head.unit.variant}:${b.head.unit.list}` : null);
  for (const [b, best] of joins) {
    const list = listOf(b);
    const siblings = list ? [...joins.keys()].filter((o) => listOf(o) === list) : [b];
    const votes = new Map<Section | null, number>();
    for (const o of siblings) votes.set(joins.get(o)!, (votes.get(joins.get(o)!) ?? 0) + 1);
    const [winner] = [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] ? 0 : 1) - (y[0] ? 0 : 1));
    // A list moves only where most of its items would: items going three ways stay together where they are.
    const target = list ? (winner![1] * 2 > siblings.length ? winner![0] : null) : best;
    if (target) b.section = target.key;
  }
  for (const [b, section] of named) {
    b.section = section.key;
    b.headed = true;
  }

  // Grouped by what they answer when sources already group so, or when the answer is long; a point no cue
  // places answers what the question asks.
  const facetSections = bullets.some((b) => sections.get(b.section)!.facet);
  // A long answer a source already divides by sub-topic ("**Encoder:**", "**Decoder:**") keeps that division:
  // its other points open it, before the sub-topics, rather than under headings of another kind.
  const subTopics = bullets.some((b) => b.section.startsWith('label:'));
  // One source's answers already run in the order its author argued them; sorting its sentences by cue only breaks
  // the argument ("Why is X faster?" answered under "How to address it").
  const severalSources = new Set(bullets.flatMap((b) => [...b.head.sources])).size > 1;
  if (facetSections || (bullets.length >= LONG_ANSWER && !subTopics && severalSources)) {
    for (const b of bullets) {
      if (b.section !== 'lead') continue;
      // A point no cue places answers what its own wording asks, or, when that wording names no kind of answer
      // ("What distinguishes …?"), what most of the entry's wordings ask: the merged answer answers them all.
      // A sentence about the subject with no cue describes it, except in an answer about its limits or their
      // remedies ("Transformers are more scalable and flexible" is one of the ways they overcome RNNs' limits).
      const describes = entryFacet === 'remedy' || entryFacet === 'limits' ? () => false : opensWithSubject;
      const facet = facetOfPoint(b.head, describes) ?? asked[b.head.unit.variant] ?? entryFacet;
      const key = `facet:${facet}`;
      if (!sections.has(key)) sections.set(key, { key, heading: null, facet, rank: FACET_RANK.get(facet)!, ordered: false, bullets: [] });
      b.section = key;
    }
  }

  for (const b of bullets) {
    const section = sections.get(b.section)!;
    // A numbered list stays numbered only with its own items.
    if (!b.head.unit.ordered || (section.bullets[0] && section.bullets[0].head.unit.variant !== b.head.unit.variant)) section.ordered = false;
    section.bullets.push(b);
  }
  const ordered = [...sections.values()].filter((s) => s.bullets.length).sort((a, b) => a.rank - b.rank);
  // A lone facet section needs no heading: everything answers the same thing.
  const grouped = ordered.length > 1;
  const result: MergedPoint[] = [];
  // A bullet stands where the first of the points it stands for stood.
  const firstOf = new Map<Point, number>();
  for (const p of points) {
    // Points made by several others together do not move them.
    if (p.fate.kind === 'covered') continue;
    const q = shownAs(p);
    if (q) firstOf.set(headOf(q), Math.min(firstOf.get(headOf(q)) ?? Infinity, p.id));
  }
  const first = (b: Bullet) => firstOf.get(b.head) ?? b.head.id;
  for (const s of ordered) {
    // A source's own section (a sub-topic, a list it introduces) keeps its order: it may tell a story
    // ("The Problem", "The Solution"). Elsewhere the points most sources make come first.
    // So does an entry only one source answers: its author's order is the argument.
    const keepsOrder = s.ordered || s.key.startsWith('label:') || s.key.startsWith('lead-in:') || !severalSources;
    // Ungrouped, or in the opening before the sections, what the subject is comes first.
    const defines = (b: Bullet) => ((!grouped || s.key === 'lead') && facetOfPoint(b.head, opensWithSubject) === 'what' ? 1 : 0);
    s.bullets.sort((a, b) => (keepsOrder ? 0 : defines(b) - defines(a) || b.head.sources.size - a.head.sources.size) || first(a) - first(b));
    for (const b of s.bullets) {
      const parts = [b.head, ...b.chain];
      const members = points.filter((p) => parts.some((q) => shownAs(p) === q));
      result.push({
        markdown: serialise({ type: 'root', children: bulletContent(b, null) }),
        sources: [...new Set(parts.flatMap((p) => [...p.sources]))],
        section: grouped ? sectionTitle(s) : null,
        members: members.map((m) => ({ source: m.unit.source, text: unitText(m.unit) })),
      });
    }
  }
  return { merged: result, sections: grouped ? ordered : ordered.map((s) => ({ ...s, heading: null })) };
}

function sectionTitle(s: Section): string {
  if (s.heading) return plainText(s.heading.children).trim();
  if (s.facet) return FACETS.find((f) => f.facet === s.facet)!.title;
  return '';
}

type SourceName = (id: string) => string;

/** A point's credit, "*(Part 6, Flashcards)*": the sources that make it, named in `order`. */
export function creditNodes(sources: Set<string>, order: string[], sourceName: SourceName): PhrasingContent[] {
  const names = order.filter((id) => sources.has(id)).map(sourceName);
  // Text nodes are escaped when serialised, so a source name is shown as written.
  return [{ type: 'emphasis', children: [{ type: 'text', value: `(${names.join(', ')})` }] }];
}

/** A bullet's content: label, head, the sentences leaning on it, each credited when credits differ; blocks. */
function bulletContent(b: Bullet, credit: ((p: Point, next: Point | undefined) => PhrasingContent[]) | null): RootContent[] {
  const parts = [b.head, ...b.chain];
  const phrasing: PhrasingContent[] = [];
  const blocks: RootContent[] = [];
  parts.forEach((p, i) => {
    const own: PhrasingContent[] = [...(i === 0 && p.label && !b.headed ? [...p.label, { type: 'text', value: ' ' } as PhrasingContent] : []), ...p.body];
    if (own.length) {
      // A list item's fragment ("Adds small matrices $A, B$") ends before the sentence that follows it.
      if (phrasing.length) phrasing.push({ type: 'text', value: /[.!?:;)*]\s*$/.test(plainText(phrasing)) ? ' ' : '. ' });
      phrasing.push(...own);
    }
    if (credit && phrasing.length) phrasing.push(...credit(p, parts[i + 1]));
    blocks.push(...p.unit.blocks);
  });
  const out: RootContent[] = [];
  if (phrasing.length) out.push({ type: 'paragraph', children: phrasing });
  out.push(...blocks);
  return out;
}

/**
 * The entry's answer. With one answer it is that answer as it stands; with several, their distinct points,
 * each credited to the sources that make it when more than one source answers.
 */
export function mergeAnswer(variants: Variant[], sourceName: SourceName, context?: MergeContext): string | null {
  const answered = variants.filter((v) => v.answer);
  if (answered.length === 0) return null;
  if (answered.length === 1) return answered[0]!.answer;
  const order = [...new Set(answered.map((v) => v.source))];
  const credited = order.length > 1;
  const { sections } = merge(answered, context ?? null);
  const children: RootContent[] = [];
  for (const s of sections) {
    if (s.heading) children.push(s.heading);
    else if (s.facet && sections.length > 1) children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: sectionTitle(s) }] }] });
    let items: ListItem[] = [];
    const flush = () => {
      if (items.length) children.push({ type: 'list', ordered: s.ordered, spread: false, children: items } as List);
      items = [];
    };
    for (const b of s.bullets) {
      // Sentences credited to the same sources share one credit, after the last of them.
      const credit = credited
        ? (p: Point, next: Point | undefined) =>
            next && sameSet(p.sources, next.sources) ? [] : [{ type: 'text', value: ' ' } as PhrasingContent, ...creditNodes(p.sources, order, sourceName)]
        : null;
      const content = bulletContent(b, credit);
      if (content[0]?.type === 'paragraph') {
        items.push({ type: 'listItem', spread: false, children: content as ListItem['children'] });
        continue;
      }
      // A table or a formula with nothing before it stands on its own, between the lists, with its credit.
      flush();
      children.push(...content);
      if (credited) children.push({ type: 'paragraph', children: creditNodes(b.head.sources, order, sourceName) });
    }
    flush();
  }
  return serialise({ type: 'root', children } as Root);
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
