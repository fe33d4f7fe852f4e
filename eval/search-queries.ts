/**
 * Queries as people type them into a search box: short, keyword-style, with "vs", acronyms, shorthand and
 * question openers. None is a question's wording. Each names the entries (by id) that answer it; a query finds
 * what it wants when one of them is in the top three. Ids that a merge retires still resolve through
 * anchors.json.
 */
export interface RealisticQuery {
  query: string;
  wanted: string[];
}

export const REALISTIC_QUERIES: RealisticQuery[] = [
  { query: 'why divide by sqrt dk', wanted: ['why-do-we-scale-attention-scores-by-d-k'] },
  { query: 'beam vs greedy', wanted: ['what-are-the-differences-between-beam-search-and-greedy-search'] },
  { query: 'layer norm vs batch norm', wanted: ['why-is-layer-normalization-used-instead-of-batch-normalization'] },
  { query: 'what is rlhf', wanted: ['integrating-reinforcement-learning-in-llms'] },
  { query: 'gqa', wanted: ['how-does-group-query-attention-work'] },
  { query: 'mqa', wanted: ['what-is-multi-query-attention'] },
  { query: 'nsp', wanted: ['what-is-next-sentence-prediction-and-how-is-useful-in-language'] },
  { query: 'kv cache', wanted: ['what-is-kv-cache-and-why-is-it-needed'] },
  { query: 'flash attention', wanted: ['what-is-flashattention', 'why-is-flashattention-faster-than-standard-attention-even-though'] },
  { query: 'lora rank', wanted: ['how-is-rank-r-chosen-in-lora'] },
  { query: 'lora vs full fine tuning', wanted: ['how-does-lora-compare-to-full-fine-tuning-in-storage'] },
  { query: 'qlora', wanted: ['what-is-lora-and-qlora'] },
  { query: 'rope', wanted: ['what-are-rotary-positional-embeddings-rope-and-their-purpose'] },
  { query: 'rotary embeddings', wanted: ['what-are-rotary-positional-embeddings-rope-and-their-purpose'] },
  { query: 'absolute vs relative position', wanted: ['what-is-the-distinction-between-absolute-and-relative-positional'] },
  { query: 'sinusoidal encoding', wanted: ['what-are-sinusoidal-positional-encodings'] },
  { query: 'how does bpe work', wanted: ['how-does-byte-pair-encoding-bpe-tokenisation-work'] },
  { query: 'top p vs top k', wanted: ['what-is-top-p-nucleus-sampling-and-how-does-it-differ-from-top-k'] },
  { query: 'nucleus sampling', wanted: ['what-is-top-p-nucleus-sampling-and-how-does-it-differ-from-top-k'] },
  { query: 'temperature sampling', wanted: ['what-does-the-temperature-parameter-do-when-sampling-from-an-llm'] },
  { query: 'perplexity formula', wanted: ['what-is-perplexity-and-how-is-it-calculated'] },
  { query: 'rag vs fine tuning', wanted: ['when-is-rag-preferable-to-fine-tuning', 'when-is-fine-tuning-preferable-to-rag', 'can-fine-tuning-and-rag-be-combined'] },
  { query: 'chunk size and overlap', wanted: ['how-do-you-choose-a-chunking-strategy-chunk-size-and-overlap-for'] },
  { query: 'prompt injection', wanted: ['what-is-prompt-injection', 'how-can-you-mitigate-prompt-injection-in-an-llm-application'] },
  { query: 'moe load balancing', wanted: ['why-do-mixture-of-experts-models-need-a-load-balancing-loss'] },
  { query: 'mixture of experts', wanted: ['what-is-a-mixture-of-experts-moe-model'] },
  { query: 'encoder only vs decoder only', wanted: ['what-is-the-difference-between-encoder-only-and-decoder-only'] },
  { query: 'gpt vs bert', wanted: ['what-is-gpt-and-how-does-it-differ-from-bert'] },
  { query: 'cased vs uncased', wanted: ['what-are-the-differences-between-cased-and-uncased-bert'] },
  { query: 'distilbert', wanted: ['what-is-distilbert-and-how-is-it-trained', 'how-is-distilbert-different-from-bert'] },
  { query: 'roberta improvements', wanted: ['what-improvements-does-roberta-make-over-bert'] },
  { query: 'albert parameter sharing', wanted: ['how-does-albert-achieve-parameter-efficiency'] },
  { query: 'vit patches', wanted: ['how-are-image-patches-encoded-in-vision-transformers'] },
  { query: 'cls token vit', wanted: ['what-is-the-role-of-the-cls-token-in-vision-transformers'] },
  { query: 'clip', wanted: ['what-is-clip-and-how-does-it-work'] },
  { query: 'catastrophic forgetting', wanted: ['what-is-catastrophic-forgetting-in-llms-and-how-does-it-impact', 'how-do-you-avoid-catastrophic-forgetting-during-fine-tuning', 'what-are-the-risks-of-catastrophic-forgetting-in-fine-tuning'] },
  { query: 'gradient clipping', wanted: ['what-is-gradient-clipping-and-why-is-it-necessary'] },
  { query: 'lr warmup', wanted: ['what-is-learning-rate-warm-up-and-how-does-it-help'] },
  { query: 'mixed precision fp16', wanted: ['what-is-mixed-precision-training'] },
  { query: 'gradient accumulation', wanted: ['what-is-gradient-accumulation-and-when-is-it-used'] },
  { query: 'label smoothing', wanted: ['how-do-temperature-and-label-smoothing-affect-training'] },
  { query: 'quantization', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'export to onnx', wanted: ['how-do-you-convert-a-transformer-model-to-onnx'] },
  { query: 'how does self attention work', wanted: ['what-is-self-attention-in-transformers'] },
  { query: 'queries keys values', wanted: ['what-are-queries-keys-and-values-in-self-attention'] },
  { query: 'causal mask decoder', wanted: ['what-is-causal-attention-and-why-is-it-used-in-decoders'] },
  { query: 'single head vs multi head', wanted: ['what-is-the-difference-between-single-head-and-multi-head'] },
  { query: 'cross attention', wanted: ['how-does-cross-attention-work-in-encoder-decoder-models'] },
  { query: 'residual connections', wanted: ['why-are-residual-connections-used-in-transformers'] },
  { query: 'vanishing gradients', wanted: ['what-is-the-vanishing-gradient-problem'] },
  { query: 'sliding window attention', wanted: ['what-is-sliding-window-attention-and-how-does-it-retain-global'] },
  { query: 'attention quadratic complexity', wanted: ['how-does-attention-scale-with-sequence-length'] },
  { query: 'ner', wanted: ['how-do-transformers-perform-named-entity-recognition-ner'] },
  { query: 'zero shot vs few shot', wanted: ['what-is-zero-shot-learning', 'what-is-few-shot-learning'] },
  { query: 'in-context learning vs fine-tuning', wanted: ['how-does-in-context-learning-differ-from-traditional-fine-tuning'] },
  { query: 'ffn in transformer', wanted: ['what-is-the-role-of-the-feedforward-network-in-transformers'] },
  { query: 'bert oov words', wanted: ['how-does-bert-handle-out-of-vocabulary-oov-words-and-what-are'] },
  { query: 'what is sgd', wanted: ['what-is-stochastic-gradient-descent-sgd'] },
  { query: 'adapter layers', wanted: ['what-are-adapter-layers-in-transfer-learning'] },
  { query: 'instruction tuning', wanted: ['what-is-instruction-tuning-in-llms'] },
  { query: 'lora update formula', wanted: ['write-the-lora-weight-update-formula'] },
  { query: 'why softmax in attention', wanted: ['why-is-softmax-used-in-attention-mechanisms'] },
];

/**
 * Queries that search has to forgive, typed as people type them: misspelt, British, two names compared, a
 * number format for what it stands for. Written before the spelling and the records were tuned on them.
 */
export const FORGIVING_QUERIES: RealisticQuery[] = [
  // Misspelt within a letter or two.
  { query: 'self atention', wanted: ['what-is-self-attention-in-transformers'] },
  { query: 'positonal encoding', wanted: ['what-is-positional-encoding-and-why-is-it-needed'] },
  { query: 'embeding layer', wanted: ['how-are-embeddings-used-in-transformers'] },
  { query: 'tranformer architecture', wanted: ['what-is-the-transformer-architecture', 'what-are-the-key-components-of-the-transformer-architecture'] },
  { query: 'quantizaton', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'gradiant clipping', wanted: ['what-is-gradient-clipping-and-why-is-it-necessary'] },
  { query: 'catastrophic forgeting', wanted: ['what-is-catastrophic-forgetting-in-llms-and-how-does-it-impact', 'how-do-you-avoid-catastrophic-forgetting-during-fine-tuning', 'what-are-the-risks-of-catastrophic-forgetting-in-fine-tuning'] },
  { query: 'perplexty', wanted: ['what-is-perplexity-and-how-is-it-calculated'] },
  { query: 'distilation', wanted: ['what-is-model-distillation'] },
  { query: 'hallucinaton rag', wanted: ['llm-generates-incorrect-facts-how-does-rag-help'] },
  { query: 'layer normalizaton', wanted: ['what-is-the-role-of-layer-normalization-in-transformers', 'where-is-layer-normalization-applied-in-transformer-blocks', 'why-is-layer-normalization-used-instead-of-batch-normalization'] },
  { query: 'multi head atention', wanted: ['what-is-multi-head-attention-and-why-is-it-useful'] },
  { query: 'tokenizaton multilingual', wanted: ['what-is-the-role-of-tokenization-in-multilingual-models'] },
  { query: 'backpropogation', wanted: ['what-is-backpropagation-and-how-does-it-enable-learning'] },
  { query: 'regularizaton techniques', wanted: ['what-are-some-common-regularization-techniques'] },
  { query: 'sinusodial positional', wanted: ['what-are-sinusoidal-positional-encodings'] },
  // British spellings.
  { query: 'quantisation', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'layer normalisation', wanted: ['what-is-the-role-of-layer-normalization-in-transformers', 'where-is-layer-normalization-applied-in-transformer-blocks', 'why-is-layer-normalization-used-instead-of-batch-normalization'] },
  { query: 'batch normalisation', wanted: ['what-is-batch-normalization-and-why-is-it-used'] },
  { query: 'tokenisation', wanted: ['how-does-byte-pair-encoding-bpe-tokenisation-work', 'what-is-the-role-of-tokenization-in-multilingual-models'] },
  { query: 'optimiser choice', wanted: ['what-are-optimizer-choices-for-transformer-models'] },
  { query: 'regularisation', wanted: ['what-are-some-common-regularization-techniques'] },
  { query: 'summarisation', wanted: ['how-do-transformers-handle-summarization-tasks'] },
  { query: 'parallelisation transformers', wanted: ['how-do-transformers-achieve-parallelization'] },
  { query: 'visualising attention', wanted: ['how-can-attention-be-visualized'] },
  { query: 'inference optimisation', wanted: ['what-is-inference-optimization-in-transformers'] },
  // Two names compared.
  { query: 'MQA GQA', wanted: ['what-is-multi-query-attention', 'how-does-group-query-attention-work'] },
  { query: 'BERT GPT', wanted: ['what-is-gpt-and-how-does-it-differ-from-bert'] },
  { query: 'LoRA QLoRA', wanted: ['what-is-lora-and-qlora'] },
  { query: 'xlm-r mbert', wanted: ['what-is-xlm-r-and-how-does-it-differ-from-mbert'] },
  { query: 'roberta bert', wanted: ['what-improvements-does-roberta-make-over-bert'] },
  { query: 'cnn rnn', wanted: ['what-is-the-difference-between-cnns-and-rnns'] },
  { query: 'gpt-3 gpt-4', wanted: ['how-is-gpt-4-different-from-its-predecessors-like-gpt-3-in-terms'] },
  { query: 'mlm nsp', wanted: ['which-tasks-are-utilized-for-bert-training'] },
  { query: 'distilbert vs bert', wanted: ['how-is-distilbert-different-from-bert'] },
  // Number formats.
  { query: 'int8', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'int4 quantization', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'fp16 vs bf16', wanted: ['what-is-mixed-precision-training'] },
  { query: '4-bit', wanted: ['what-is-lora-and-qlora', 'what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: '8-bit weights', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance'] },
  { query: 'fp8 training', wanted: ['what-is-mixed-precision-training', 'what-are-the-fp8-formats-e4m3-and-e5m2-and-how-is-fp8-used-for'] },
  { query: 'bf16', wanted: ['what-is-mixed-precision-training'] },
  { query: 'nf4', wanted: ['what-is-lora-and-qlora'] },
];

/**
 * Queries of the same kinds kept out of the tuning: the share of these found says how well the rules carry
 * over to what nobody tuned for (`npm run bench:search` reports it apart).
 */
export const HELD_BACK_QUERIES: RealisticQuery[] = [
  { query: 'embedings', wanted: ['how-are-embeddings-used-in-transformers'] },
  { query: 'transfomer decoder', wanted: ['what-are-the-main-components-of-a-transformer-decoder'] },
  { query: 'vanishing gradiants', wanted: ['what-is-the-vanishing-gradient-problem'] },
  { query: 'knowlege distillation', wanted: ['what-is-model-distillation'] },
  { query: 'sliding windw attention', wanted: ['what-is-sliding-window-attention-and-how-does-it-retain-global'] },
  { query: 'normalisation in transformers', wanted: ['what-is-the-role-of-layer-normalization-in-transformers', 'where-is-layer-normalization-applied-in-transformer-blocks'] },
  { query: 'tokeniser oov', wanted: ['how-does-bert-handle-out-of-vocabulary-oov-words-and-what-are'] },
  { query: 'summarise text with transformers', wanted: ['how-do-transformers-handle-summarization-tasks'] },
  { query: 'GQA vs MQA', wanted: ['what-is-multi-query-attention', 'how-does-group-query-attention-work'] },
  { query: 'T5 BERT', wanted: ['what-are-the-key-features-of-the-t5-model', 'what-is-bert-and-what-makes-it-unique-among-transformer-models'] },
  { query: 'int8 inference', wanted: ['what-is-model-quantization', 'how-does-quantization-affect-transformer-performance', 'what-is-inference-optimization-in-transformers', 'how-much-gpu-memory-does-a-70b-parameter-model-need-in-fp16-int8'] },
  { query: 'fp32 to fp16', wanted: ['what-is-mixed-precision-training', 'what-is-model-quantization'] },
];
