/**
 * The layout of the code, as rules `npm test` checks (npm run lint:deps). README.md, "Layout of the code", draws it.
 *
 * The ingest (scripts/lib/) is a pipeline of stages, each a folder, in the order data flows. A stage may import the
 * stages before it and the layers below every stage (shared/, text/), never a stage after it: what a stage hands on
 * is its own output types, read by the next. Around the pipeline, the tools (the command line, benches, review) and
 * the site import it through one face each, so its folders can change behind them.
 */
const STAGES = ['read', 'parse', 'clean', 'group', 'entries', 'editorial', 'links', 'render'];
const LIB = '^scripts/lib/';
const FACES = `${LIB}(index|site)[.]ts$`;

const laterStages = STAGES.map((stage, i) => ({
  name: `${stage}-before-${STAGES.slice(i + 1).join('-') || 'nothing'}`,
  comment: `The ${stage} stage runs before ${STAGES.slice(i + 1).join(', ')}: it cannot depend on what they make.`,
  severity: 'error',
  from: { path: `${LIB}${stage}/` },
  to: { path: `${LIB}(${STAGES.slice(i + 1).join('|')})/` },
})).filter((rule) => !rule.name.endsWith('-nothing'));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other, types included, are one module in two files: a stage cannot be read alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...laterStages,
    {
      name: 'layers-below-stages',
      comment: 'shared/ (errors, checks, untrusted Markdown) and text/ (words, sentences, stems, concepts) serve every stage and know none.',
      severity: 'error',
      from: { path: `${LIB}(shared|text)/` },
      to: { path: `${LIB}(${STAGES.join('|')})/|${LIB}[^/]+[.]ts$` },
    },
    {
      name: 'stages-above-nothing',
      comment: 'A stage never reaches up to the pipeline or a face: they import the stages, not the other way round.',
      severity: 'error',
      from: { path: `${LIB}(${STAGES.join('|')}|shared|text)/` },
      to: { path: `${LIB}[^/]+[.]ts$` },
    },
    {
      name: 'code-not-tests',
      comment: 'The ingest, the tools, the benches and the site never import tests: tests import them.',
      severity: 'error',
      from: { path: '^(scripts|src)/|^astro[.]config[.]mjs$' },
      to: { path: '^tests/' },
    },
    {
      name: 'pipeline-not-tools',
      comment: 'The pipeline runs without its tools (benches, review, the browser and server helpers).',
      severity: 'error',
      from: { path: LIB },
      to: { path: '^scripts/(bench|tools)/|^scripts/[^/]+[.]ts$' },
    },
    {
      name: 'tools-through-the-face',
      comment: 'The command line, the benches, review and the schema writer use the ingest through scripts/lib/index.ts.',
      severity: 'error',
      from: { path: '^scripts/(bench|tools)/|^scripts/[^/]+[.]ts$' },
      to: { path: LIB, pathNot: `${LIB}index[.]ts$` },
    },
    {
      name: 'site-through-its-face',
      comment: 'The site (src/, astro.config.mjs) uses the ingest through scripts/lib/site.ts, which loads only what it names.',
      severity: 'error',
      from: { path: '^src/|^astro[.]config[.]mjs$' },
      to: { path: LIB, pathNot: `${LIB}site[.]ts$` },
    },
    {
      name: 'site-not-tools',
      comment: 'The site uses the browser launcher of scripts/tools/ (diagrams, preview images) and nothing else of the tools.',
      severity: 'error',
      from: { path: '^src/|^astro[.]config[.]mjs$' },
      to: { path: '^scripts/(bench|tools)/|^scripts/[^/]+[.]ts$', pathNot: '^scripts/tools/browser[.]ts$' },
    },
  ],
  options: {
    // TypeScript 7's compiler has no API dependency-cruiser can use; swc reads the sources, type imports included.
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|[.]tmp|[.]astro|tests/fixtures)/' },
    moduleSystems: ['es6'],
  },
};
