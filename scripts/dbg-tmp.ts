import { VOCABULARY } from './data/vocabulary.ts';
import { buildConceptIndex } from './lib/group/concepts.ts';
import { buildSenseModel } from './lib/answer/senses.ts';
const m = buildSenseModel(buildConceptIndex(VOCABULARY));
for (const t of process.argv.slice(2)) console.log([...m.analyse(t).senses].join(' '));
