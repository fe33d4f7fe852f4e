/**
 * Audits the glossary links in the generated pages (src/content/docs/, or the folder given): counts the links
 * that cover only part of a compound term ("sparse [attention]", "[Rotary] [positional embeddings]"), two
 * glossary links side by side, and links whose text means something else than their term. Prints the counts
 * and every case found.
 *
 *   npx tsx scripts/bench/glossary-links.ts [docs folder]
 *
 * A compound is any phrase of two words or more that names one thing: the vocabulary's aliases, and the
 * kinds of attention, embeddings and positional encodings listed below (written here from reading the sources,
 * independently of the glossary's own data).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryData } from '../lib/index.ts';
import { normaliseWords } from '../lib/index.ts';

const VOCABULARY = repositoryData().vocabulary;

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

const COMPOUNDS = [
  'multi query attention', 'grouped query attention', 'group query attention', 'sparse attention', 'sliding window attention',
  'local attention', 'global attention', 'linear attention', 'hierarchical attention', 'segment level attention',
  'efficient attention', 'memory efficient attention', 'joint attention', 'cross modal attention', 'dot product attention',
  'scaled dot product attention', 'distance aware attention', 'random attention', 'window attention', 'masked attention',
  'causal attention', 'multi head self attention', 'masked multi head self attention', 'encoder decoder attention',
  'attention score', 'attention weight', 'attention matrix', 'attention head', 'attention map', 'attention pattern',
  'attention window', 'attention span', 'attention dropout',
  'rotary positional embedding', 'absolute positional embedding', 'relative positional embedding', 'learned positional embedding',
  'learnable positional encoding', 'learned positional encoding', 'sinusoidal positional encoding', 'relative positional encoding',
  'contextual embedding', 'patch embedding', 'segment embedding', 'joint embedding', 'embedding space', 'embedding matrix',
  'embedding matrice', 'embedding dimension',
  'parameter efficient fine tuning', 'parameter efficient transfer learning', 'reinforcement learning',
  'masked language modeling', 'next sentence prediction', 'causal language modeling', 'knowledge distillation',
  'feedforward layer', 'feed forward neural network', 'feedforward neural network', 'position wise feedforward network',
  'cross task transfer learning', 'wordpiece tokenizer', 'subword tokenizer', 'subword tokenization',
];

/** Link text that does not mean the term linked: term id → phrases (normalised) that must not link to it. */
const NOT_MEANT: Record<string, string[]> = {
  rlhf: ['reinforcement learning'],
  llm: ['large model'],
  generalist: ['gemini', 'gato'],
  'positional-encoding': ['positional information'],
  'transfer-learning': ['knowledge transfer'],
  'mixed-precision': ['fp16', 'float16'],
  hallucination: ['incorrect fact', 'factually incorrect', 'outdated info'],
  'scaled-dot-product': ['scaling factor', 'scale the dot product', 'scale attention score'],
};

/** Acronyms and names, as the sources spell them: a link to the term in any other spelling ("clips", "rope") is another word. */
const SPELT: Record<string, RegExp> = {
  clip: /^CLIP$|Contrastive/,
  rope: /^RoPE$|[Rr]otary/,
  rag: /^RAGs?$|[Rr]etrieval|RAG pipeline/,
  lora: /^LoRA$|[Ll]ow-[Rr]ank|LoRA adapter/,
  qlora: /^QLoRA$/,
  gpt: /^GPTs?$|[Gg]enerative/,
  bert: /^BERT$|BERT-based|[Bb]idirectional/,
  vit: /^ViTs?$|[Vv]ision [Tt]ransformer/,
  llm: /^LLMs?$|[Ll]arge [Ll]anguage [Mm]odel/,
};

const phrases = new Set([...VOCABULARY.flatMap((c) => c.aliases), ...COMPOUNDS].map((a) => normaliseWords(a).join(' ')).filter((p) => p.includes(' ')));

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return mdxFiles(path);
    return d.name.endsWith('.mdx') ? [path] : [];
  });
}

const GLOSSARY_LINK = /\[((?:[^\][]|\\\])+)\]\((?:[^)\s]*\/)?glossary\/#([a-z0-9-]+)(?:\s+"(?:[^"\\]|\\.)*")?\)/g;
const OTHER_LINK = /\[((?:[^\][]|\\\])+)\]\([^)]*\)/g;

export interface LinkAudit {
  links: number;
  splits: string[];
  adjacent: string[];
  notMeant: string[];
}

export function auditLinks(docs: string): LinkAudit {
  const audit: LinkAudit = { links: 0, splits: [], adjacent: [], notMeant: [] };
  for (const file of mdxFiles(docs)) {
    if (file.endsWith('glossary.mdx')) continue;
    const name = file.slice(docs.length + 1);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('**Glossary:**')) continue;
      // Glossary links become \u0001text\u0002id\u0003, other links their text; emphasis markers go.
      const plain = line
        .replace(GLOSSARY_LINK, (_, text: string, id: string) => `\u0001${text}\u0002${id}\u0003`)
        .replace(OTHER_LINK, '$1')
        .replace(/\*+/g, '');
      if (/\u0003[\s-]*\u0001/.test(plain)) {
        for (const m of plain.matchAll(/\u0001([^\u0002]*)\u0002[^\u0003]*\u0003[\s-]*\u0001([^\u0002]*)\u0002[^\u0003]*\u0003/g)) audit.adjacent.push(`${name}: [${m[1]}] [${m[2]}]`);
      }
      for (const m of plain.matchAll(/\u0001([^\u0002]*)\u0002([^\u0003]*)\u0003/g)) {
        audit.links++;
        const [text, id] = [m[1]!, m[2]!];
        const words = normaliseWords(text);
        const clean = (s: string) => s.replace(/\u0001([^\u0002]*)\u0002[^\u0003]*\u0003/g, '$1');
        // Only words joined to the link by spaces or hyphens can make a compound with it: "(LoRA, adapters)" do not.
        const before = normaliseWords(/(?:[\p{L}\p{N}]+[\s-]+)*$/u.exec(clean(plain.slice(0, m.index)))![0]).slice(-4);
        const after = normaliseWords(/^(?:[\s-]+[\p{L}\p{N}]+)*/u.exec(clean(plain.slice(m.index + m[0].length)))![0]).slice(0, 4);
        const window = [...before, ...words, ...after];
        const [from, to] = [before.length, before.length + words.length];
        let split = false;
        for (let i = 0; i <= from && !split; i++) {
          for (let j = to; j <= window.length && !split; j++) {
            if (i === from && j === to) continue;
            if (phrases.has(window.slice(i, j).join(' '))) {
              audit.splits.push(`${name}: …${before.join(' ')} [${text}](#${id}) ${after.join(' ')}… (in "${window.slice(i, j).join(' ')}")`);
              split = true;
            }
          }
        }
        if (NOT_MEANT[id]?.includes(words.join(' ')) || (SPELT[id] && !SPELT[id].test(text))) audit.notMeant.push(`${name}: [${text}](#${id})`);
      }
    }
  }
  return audit;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const docs = resolve(process.argv[2] ?? join(ROOT, 'src/content/docs'));
  const audit = auditLinks(docs);
  const show = (title: string, list: string[]) => {
    console.log(`\n${title}: ${list.length}`);
    for (const item of list) console.log(`  ${item}`);
  };
  console.log(`glossary links in ${docs}: ${audit.links}`);
  show('links covering part of a compound term', audit.splits);
  show('glossary links side by side', audit.adjacent);
  show('links to a term the text does not mean', audit.notMeant);
}
