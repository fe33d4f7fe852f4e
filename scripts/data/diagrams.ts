/**
 * Diagrams written for core concepts, shown with the entry whose subject is `concept` (the one asked by most
 * sources when several are). Mermaid source, rendered in the browser only on pages that have one.
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
    mermaid: `flowchart LR
  subgraph Encoder["Encoder (N layers)"]
    direction TB
    EI["Input tokens + positional encoding"] --> ESA["Multi-head self-attention"]
    ESA --> EAN1["Add & norm"] --> EFF["Feed-forward"] --> EAN2["Add & norm"]
  end
  subgraph Decoder["Decoder (N layers)"]
    direction TB
    DI["Output tokens so far + positional encoding"] --> DSA["Masked multi-head self-attention"]
    DSA --> DAN1["Add & norm"] --> DCA["Cross-attention"]
    DCA --> DAN2["Add & norm"] --> DFF["Feed-forward"] --> DAN3["Add & norm"]
  end
  EAN2 -- "keys and values" --> DCA
  DAN3 --> OUT["Linear + softmax: next-token probabilities"]`,
  },
  {
    id: 'scaled-dot-product-attention',
    concept: 'scaled-dot-product',
    title: 'Scaled dot-product attention: query-key scores are scaled by the square root of the key dimension, optionally masked, turned into weights by softmax, and used to average the values.',
    mermaid: `flowchart LR
  Q["Queries Q"] --> MM1["Q · Kᵀ"]
  K["Keys K"] --> MM1
  MM1 --> S["Scale by 1/√d_k"]
  S --> M["Mask (optional)"]
  M --> SM["Softmax"]
  SM --> MM2["Weights · V"]
  V["Values V"] --> MM2
  MM2 --> O["Attention output"]`,
  },
  {
    id: 'rag-pipeline',
    concept: 'rag',
    title: 'A retrieval-augmented generation pipeline: the query is embedded, similar documents are retrieved, and the generator answers from the query and the retrieved context.',
    mermaid: `flowchart LR
  U["User question"] --> E["Embed the query"]
  E --> R["Retrieve nearest documents"]
  DB[("Document index")] --> R
  R --> C["Concatenate question + retrieved context"]
  U --> C
  C --> G["Generator (decoder LLM)"]
  G --> A["Answer grounded in the documents"]`,
  },
  {
    id: 'nsp-training-cycle',
    concept: 'nsp',
    title: 'The next-sentence-prediction training cycle: feed two sentences, classify the pair as consecutive or not, update the model, repeat.',
    mermaid: `flowchart LR
  F["Feed two sentences<br/>(50% real next sentence, 50% random)"] --> C["Classify the sentence pair:<br/>IsNext or NotNext"]
  C --> U["Update the model<br/>from the classification loss"]
  U --> R["Repeat with the next pair"]
  R --> F`,
  },
];
