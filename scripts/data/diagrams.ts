/**
 * Diagrams written for core concepts, shown with the entry whose subject is `concept` (the one asked by most
 * sources when several are). Mermaid source, drawn as inline SVG at build time (src/integrations/diagrams.ts).
 */
export interface DiagramDefinition {
  id: string;
  concept: string;
  /** Accessible name of the figure and its caption. */
  title: string;
  mermaid: string;
}

export const DIAGRAMS: DiagramDefinition[] = [
  {
    id: 'encoder-decoder',
    concept: 'encoder-decoder',
    title: 'The encoder-decoder Transformer: the encoder reads the whole input, the decoder generates one token at a time while attending to the encoder output.',
    // Links between the subgraphs themselves: mermaid keeps a subgraph's own direction only when none of its
    // nodes is linked to the outside, and the stacks must stay vertical side by side to fit the column.
    mermaid: `flowchart LR
  subgraph Encoder["Encoder (N layers)"]
    direction TB
    EI["Input tokens<br/>+ positional encoding"] --> ESA["Multi-head self-attention"]
    ESA --> EAN1["Add & norm"] --> EFF["Feed-forward"] --> EAN2["Add & norm"]
  end
  subgraph Decoder["Decoder (N layers)"]
    direction TB
    DI["Output tokens so far<br/>+ positional encoding"] --> DSA["Masked multi-head<br/>self-attention"]
    DSA --> DAN1["Add & norm"] --> DCA["Cross-attention"]
    DCA --> DAN2["Add & norm"] --> DFF["Feed-forward"] --> DAN3["Add & norm"]
    DAN3 --> OUT["Linear + softmax:<br/>next-token probabilities"]
  end
  Encoder -- "keys and values<br/>to cross-attention" --> Decoder`,
  },
  {
    id: 'scaled-dot-product-attention',
    concept: 'scaled-dot-product',
    title: 'Scaled dot-product attention: query-key scores are scaled by the square root of the key dimension, optionally masked, turned into weights by softmax, and used to average the values.',
    mermaid: `flowchart TB
  Q["Queries Q"] --> MM1["Scores Q · Kᵀ"]
  K["Keys K"] --> MM1
  MM1 --> S["Scale by 1/√dₖ"]
  S --> M["Mask (optional)"]
  M --> SM["Softmax: weights"]
  SM --> MM2["Weights · V"]
  V["Values V"] --> MM2
  MM2 --> O["Attention output"]`,
  },
  {
    id: 'multi-head-attention',
    concept: 'multi-head',
    title: 'Multi-head attention: h heads each project the input to their own queries, keys and values of size d_k = d_model / h and attend separately; their outputs are concatenated and projected back to d_model.',
    mermaid: `flowchart TB
  X["Input: n tokens × d_model"] --> H1 & H2 & HH
  H1["Head 1<br/>own W_Q, W_K, W_V<br/>attention in d_k dims"]
  H2["Head 2<br/>own W_Q, W_K, W_V<br/>attention in d_k dims"]
  HH["… head h<br/>own W_Q, W_K, W_V<br/>attention in d_k dims"]
  H1 & H2 & HH --> C["Concatenate the h outputs<br/>h × d_k = d_model"]
  C --> WO["Output projection W_O"]
  WO --> OUT["Output: n tokens × d_model"]`,
  },
  {
    id: 'kv-cache-decoding',
    concept: 'kv-cache',
    title: 'The KV cache during decoding: at each step only the new token is projected; its key and value are appended to the cache, and its query attends to every cached key and value.',
    mermaid: `flowchart TB
  T["Step t: only the newest token"] --> P["Project it to q, k, v"]
  P -- "append k, v" --> CACHE[("KV cache: keys and values<br/>of tokens 1 … t")]
  P -- "q" --> ATT["Attention: q against<br/>all cached keys and values"]
  CACHE --> ATT
  ATT --> NEXT["Next-token probabilities"]
  NEXT --> PICK["Pick token t + 1"]
  PICK -- "next step" --> T`,
  },
  {
    id: 'lora-update',
    concept: 'lora',
    title: "LoRA's low-rank update: the pretrained weight W₀ stays frozen, and a trained product B·A of rank r, much smaller than d and k, is added to its output: h = W₀x + BAx.",
    mermaid: `flowchart TB
  X["Input x (k dims)"] --> W0["Pretrained W₀ (d × k)<br/>frozen"]
  X --> A["A (r × k), trained<br/>down to r ≪ d, k"]
  A --> B["B (d × r), trained<br/>starts at zero"]
  W0 --> SUM(("+"))
  B -- "scaled by α / r" --> SUM
  SUM --> H["Output h = W₀x + BAx (d dims)"]`,
  },
  {
    id: 'rag-pipeline',
    concept: 'rag',
    title: 'A retrieval-augmented generation pipeline: the query is embedded, similar documents are retrieved, and the generator answers from the query and the retrieved context.',
    mermaid: `flowchart TB
  U["User question"] --> E["Embed the query"]
  E --> R["Retrieve nearest documents"]
  DB[("Document index")] --> R
  R --> C["Question + retrieved context"]
  U --> C
  C --> G["Generator (decoder LLM)"]
  G --> A["Answer grounded in the documents"]`,
  },
  {
    id: 'nsp-training-cycle',
    concept: 'nsp',
    title: 'The next-sentence-prediction training cycle: feed two sentences, classify the pair as consecutive or not, update the model, repeat.',
    mermaid: `flowchart TB
  F["Feed two sentences<br/>(50% real next sentence,<br/>50% random)"] --> C["Classify the pair:<br/>IsNext or NotNext"]
  C --> U["Update the model<br/>from the classification loss"]
  U --> R["Repeat with<br/>the next pair"]
  R --> F`,
  },
  {
    id: 'speculative-decoding',
    concept: 'speculative-decoding',
    title: 'Speculative decoding: a draft model proposes k tokens, the target model scores them all in one pass, keeps each with probability min(1, p/q), resamples the first rejected token from the residual, or adds a bonus token when all are kept.',
    mermaid: `flowchart TD
  A["Current prefix"] --> B["Draft proposes k tokens"]
  B --> C["Target scores all, one pass"]
  C --> D{"Keep with prob. min(1, p/q)?"}
  D -- "yes" --> K["Keep draft token"]
  K --> E{"More draft tokens?"}
  E -- "yes" --> D
  E -- "no" --> F["Bonus token from p"]
  D -- "no" --> G["Resample from max(0, p − q)"]
  F --> H["Append to prefix"]
  G --> H
  H --> A`,
  },
  {
    id: 'paged-kv-cache',
    concept: 'paged-attention',
    title: 'The paged KV cache: each sequence keeps its keys and values in fixed-size logical blocks that a block table maps to scattered physical blocks in GPU memory; a shared prefix is one physical block used by both sequences.',
    mermaid: `flowchart TD
  subgraph L["Logical blocks"]
    A0["Seq A, block 0"]
    A1["Seq A, block 1"]
    B0["Seq B, block 0"]
    B1["Seq B, block 1"]
  end
  subgraph P["GPU physical blocks"]
    P7["Block 7: shared, 2 refs"]
    P3["Block 3"]
    P1["Block 1"]
    P5["Block 5: free"]
  end
  A0 -- "table A" --> P7
  B0 -- "table B" --> P7
  A1 -- "table A" --> P3
  B1 -- "table B" --> P1`,
  },
  {
    id: 'prefill-decode',
    concept: 'prefill-decode',
    title: 'Prefill and decode: the prompt is processed in one compute-bound pass that fills the KV cache and gives the first token; then each decode step makes one token, reading all the weights and the KV cache, which makes it memory-bound.',
    mermaid: `flowchart TD
  A["Prompt: n tokens"] --> B["Prefill: one parallel pass"]
  B --> C["Compute-bound"]
  C --> D["KV cache filled"]
  D --> E["First token (TTFT)"]
  E --> F["Decode: one token per step"]
  F --> G["Read weights + KV cache"]
  G --> H["Memory-bound"]
  H --> I{"End token?"}
  I -- "no: next step (TPOT)" --> F
  I -- "yes" --> J["Done"]`,
  },
  {
    id: 'rlhf-and-dpo',
    concept: 'dpo',
    title: 'RLHF with PPO beside DPO: RLHF trains a reward model on human rankings and then optimises the policy with PPO under a KL penalty to a frozen reference; DPO trains the policy directly on preference pairs, using the frozen reference only for log-probability ratios.',
    mermaid: `flowchart TD
  subgraph RLHF["RLHF with PPO"]
    A2["SFT model"] --> A3["Sample responses"]
    A3 --> A4["Humans rank them"]
    A4 --> A5["Train reward model"]
    A2 -. "frozen copy" .-> A6["Reference model"]
    A2 -- "initialise policy" --> A7["PPO on new prompts"]
    A5 -- "reward" --> A7
    A6 -- "KL penalty" --> A7
  end
  subgraph DPO["DPO"]
    B2["SFT model"] -- "initialise policy" --> B5["DPO loss on pairs"]
    B4["Preference pairs"] --> B5
    B2 -. "frozen copy" .-> B3["Reference model"]
    B3 -- "log-prob ratios" --> B5
  end`,
  },
];
