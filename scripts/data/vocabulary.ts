/**
 * The vocabulary of concepts the questions are about. It decides what two questions share (deduplication),
 * where an entry lives (topics), which glossary terms an answer links to, and which entries are related.
 *
 * - `aliases` are matched as whole words after normalisation (lower case, hyphens as spaces, plurals folded),
 *   longest first, so "multi-head attention" is one concept and not "attention" as well.
 * - `level`: 0 for words every question shares (transformer, LLM), 1 for broad areas (attention, training),
 *   2 for specific concepts. Questions are grouped on their most specific concepts.
 * - `subsumes`: concepts dropped when this one is present ("queries, keys and values in self-attention" is
 *   about queries, keys and values).
 * - `topic`: the topic page of the concept's family; every LoRA question lands on the LoRA page.
 * - `searchNames`: what a reader types for the concept that the texts do not use to name it, such as the number
 *   formats of quantization ("int8", "4-bit"). Only search reads them (a record about the concept carries them),
 *   so they change no grouping, topic or glossary link.
 * - Glossary terms, their definitions and where they are quoted from are in sources/glossary.json.
 */
export interface ConceptDefinition {
  id: string;
  label: string;
  level: 0 | 1 | 2;
  topic?: string;
  aliases: string[];
  subsumes?: string[];
  /** Not a glossary term even when a definition is found (too generic to link). */
  noGlossary?: boolean;
  /** Names readers search for it by that are not its names in the texts (number formats); search only. */
  searchNames?: string[];
}

type Extra = Pick<ConceptDefinition, 'subsumes' | 'noGlossary' | 'searchNames'>;
const c = (id: string, label: string, level: 0 | 1 | 2, topic: string | undefined, aliases: string[], extra: Extra = {}): ConceptDefinition => ({
  id,
  label,
  level,
  ...(topic ? { topic } : {}),
  aliases,
  ...extra,
});

export const VOCABULARY: ConceptDefinition[] = [
  // Generic: every question is about these.
  c('transformer', 'Transformer', 0, 'transformer-architecture', ['transformer', 'transformer architecture', 'transformer model', 'vanilla transformer', 'transformer based model'], { noGlossary: false }),
  c('llm', 'Large language model (LLM)', 0, 'language-models', ['llm', 'large language model']),
  c('language-model', 'Language model', 0, 'language-models', ['language model', 'language modeling', 'language modelling', 'statistical language model']),
  c('neural-network', 'Neural network', 0, 'foundations', ['neural network', 'deep network', 'deep neural network']),
  c('deep-learning', 'Deep learning', 0, 'foundations', ['deep learning', 'deep learning model']),
  c('machine-learning', 'Machine learning', 0, 'foundations', ['machine learning']),
  c('nlp', 'Natural language processing (NLP)', 0, undefined, ['nlp', 'natural language processing'], { noGlossary: true }),
  c('ai', 'Artificial intelligence', 0, undefined, ['ai', 'artificial intelligence'], { noGlossary: true }),

  // Foundations
  c('activation-function', 'Activation function', 2, 'foundations', ['activation function']),
  c('backpropagation', 'Backpropagation', 2, 'foundations', ['backpropagation']),
  c('cnn', 'Convolutional neural network (CNN)', 2, 'foundations', ['cnn', 'convolutional neural network']),
  c('rnn', 'Recurrent neural network (RNN)', 2, 'transformer-architecture', ['rnn', 'lstm', 'recurrent neural network']),
  c('overfitting', 'Overfitting', 2, 'foundations', ['overfitting']),
  c('vanishing-gradient', 'Vanishing gradient', 2, 'foundations', ['vanishing gradient', 'vanishing gradient problem']),
  c('exploding-gradient', 'Exploding gradient', 2, 'foundations', ['exploding gradient', 'exploding gradient problem']),
  c('gpu', 'GPU', 2, 'foundations', ['gpu', 'tpu']),
  c('loss-function', 'Loss function', 2, 'foundations', ['loss function']),
  c('sgd', 'Stochastic gradient descent (SGD)', 2, 'foundations', ['stochastic gradient descent', 'sgd']),
  c('regularization', 'Regularization', 2, 'foundations', ['regularization', 'regularization technique']),
  c('dropout', 'Dropout', 2, 'foundations', ['dropout']),
  c('attention-dropout', 'Attention dropout', 2, 'attention', ['attention dropout'], { subsumes: ['dropout'] }),
  c('preprocessing', 'Data preprocessing', 2, 'foundations', ['preprocessing', 'data preprocessing']),
  c('batch-norm', 'Batch normalization', 2, 'foundations', ['batch normalization', 'batch norm', 'batchnorm']),
  c('universal-approximation', 'Universal approximation', 2, 'foundations', ['universal function approximator', 'universal approximation']),
  c('hyperparameter', 'Hyperparameter', 2, 'training', ['hyperparameter']),
  c('hyperparameter-tuning', 'Hyperparameter tuning', 2, 'training', ['hyperparameter tuning'], { noGlossary: true }),
  c('z-score', 'Z-score normalization', 2, 'foundations', ['z score normalization']),

  // Transformer architecture
  c('residual-connection', 'Residual connection', 2, 'transformer-architecture', ['residual connection', 'skip connection']),
  c('layer-norm', 'Layer normalization', 2, 'transformer-architecture', ['layer normalization', 'layer norm', 'layer normalisation', 'layernorm']),
  c('feed-forward', 'Feed-forward network', 2, 'transformer-architecture', ['feed forward', 'feedforward', 'feed forward network', 'feedforward network', 'feed forward layer', 'ffn', 'mlp', 'mlp block', 'mlp layer', 'mlp sublayer']),
  c('transformer-block', 'Transformer block', 2, 'transformer-architecture', ['transformer block']),
  c('encoder', 'Encoder', 1, 'transformer-architecture', ['encoder']),
  c('decoder', 'Decoder', 1, 'transformer-architecture', ['decoder']),
  c('encoder-decoder', 'Encoder-decoder architecture', 2, 'transformer-architecture', ['encoder decoder', 'encoder decoder structure', 'encoder decoder model', 'encoder decoder architecture'], { subsumes: ['encoder', 'decoder'] }),
  c('architecture-types', 'Encoder-only, decoder-only and encoder-decoder models', 2, 'model-families', ['encoder only', 'decoder only'], { subsumes: ['encoder', 'decoder', 'encoder-decoder'], noGlossary: true }),
  c('seq2seq', 'Sequence-to-sequence (Seq2Seq) model', 2, 'transformer-architecture', ['sequence to sequence', 'seq2seq', 'sequence to sequence model']),
  c('parallelization', 'Parallelization', 2, 'transformer-architecture', ['parallelization', 'parallelizable', 'parallelism']),
  c('embedding', 'Embedding', 2, 'language-models', ['embedding', 'token embedding']),

  // Attention
  c('attention', 'Attention mechanism', 1, 'attention', ['attention', 'attention mechanism']),
  c('self-attention', 'Self-attention', 2, 'attention', ['self attention'], { subsumes: ['attention'] }),
  c('multi-head', 'Multi-head attention', 2, 'attention', ['multi head attention', 'multi head attention mechanism', 'multi head', 'multiple head'], { subsumes: ['attention', 'self-attention'] }),
  c('single-head', 'Single-head attention', 2, 'attention', ['single head', 'single head attention'], { subsumes: ['attention'], noGlossary: true }),
  c('attention-heads', 'Attention heads', 2, 'attention', ['attention head'], { subsumes: ['attention'], noGlossary: true }),
  c('qkv', 'Queries, keys and values', 2, 'attention', ['queries keys and value', 'query key value', 'queries keys value', 'kqv', 'key query value'], { subsumes: ['attention', 'self-attention'] }),
  c('scaled-dot-product', 'Scaled dot-product attention', 2, 'attention', ['scaled dot product', 'scaled dot product attention', 'sqrt d k', 'square root of d k'], { subsumes: ['attention'] }),
  c('softmax', 'Softmax', 2, 'attention', ['softmax'], { subsumes: ['attention'] }),
  c('cross-attention', 'Cross-attention', 2, 'attention', ['cross attention', 'encoder decoder attention'], { subsumes: ['attention', 'encoder-decoder'] }),
  c('causal-attention', 'Causal (masked) attention', 2, 'attention', ['causal attention', 'masked self attention', 'causal mask', 'causal masking', 'look ahead mask'], { subsumes: ['attention', 'masking'] }),
  c('masking', 'Masking', 2, 'attention', ['masking', 'padding mask']),
  c('attention-visualization', 'Attention visualization', 2, 'attention', ['visualized', 'visualize', 'visualization', 'attention map', 'attention heatmap'], { subsumes: ['attention', 'interpretability'], noGlossary: true }),
  c('attention-computation', 'Attention computation', 2, 'attention', ['attention computation'], { subsumes: ['attention'], noGlossary: true }),

  // Positional encoding
  c('positional-encoding', 'Positional encoding', 2, 'positional-encoding', ['positional encoding', 'positional embedding', 'position encoding', 'positional information', 'position embedding']),
  c('relative-position', 'Relative positional encoding', 2, 'positional-encoding', ['relative positional', 'relative position', 'relative positional encoding', 'relative positional embedding', 'relative positional information'], { subsumes: ['positional-encoding'] }),
  c('absolute-position', 'Absolute positional encoding', 2, 'positional-encoding', ['absolute positional', 'absolute position'], { subsumes: ['positional-encoding'] }),
  c('sinusoidal', 'Sinusoidal positional encoding', 2, 'positional-encoding', ['sinusoidal', 'sinusoidal positional encoding'], { subsumes: ['positional-encoding'] }),
  c('rope', 'Rotary positional embedding (RoPE)', 2, 'positional-encoding', ['rotary positional embedding', 'rotary', 'rope'], { subsumes: ['positional-encoding'] }),

  // Efficient attention and long context
  c('mqa', 'Multi-query attention (MQA)', 2, 'efficient-attention', ['multi query attention', 'multi query'], { subsumes: ['attention'] }),
  c('gqa', 'Grouped-query attention (GQA)', 2, 'efficient-attention', ['group query attention', 'grouped query attention', 'group query', 'grouped query'], { subsumes: ['attention'] }),
  c('kv-cache', 'KV cache', 2, 'inference', ['kv cache', 'key value cache']),
  c('sliding-window', 'Sliding window attention', 2, 'efficient-attention', ['sliding window', 'sliding window attention'], { subsumes: ['attention', 'long-context'] }),
  c('sparse-attention', 'Sparse attention', 2, 'efficient-attention', ['sparse attention'], { subsumes: ['attention'] }),
  c('long-context', 'Long sequences and context length', 2, 'efficient-attention', ['long sequence', 'longer sequence', 'long context', 'longer context', 'context length', 'long range dependency', 'long range dependencies', 'attention span', 'sequence length'], { subsumes: ['attention'], noGlossary: true }),
  c('attention-complexity', 'Attention complexity', 2, 'efficient-attention', ['quadratic'], { subsumes: ['attention', 'attention-computation'], noGlossary: true }),
  c('bigbird', 'BigBird', 2, 'efficient-attention', ['bigbird', 'big bird']),
  c('linformer', 'Linformer', 2, 'efficient-attention', ['linformer']),
  c('longformer', 'Longformer', 2, 'efficient-attention', ['longformer']),
  c('sparse-transformer', 'Sparse Transformers', 2, 'efficient-attention', ['sparse transformer']),

  // Model families
  c('bert', 'BERT', 2, 'model-families', ['bert', 'bert based model']),
  c('gpt', 'GPT', 2, 'model-families', ['gpt', 'generative pre trained transformer', 'generative pretrained transformer']),
  c('gpt-4', 'GPT-4', 2, 'language-models', ['gpt 4', 'gpt 3']),
  c('t5', 'T5', 2, 'model-families', ['t5', 't5 model']),
  c('xlnet', 'XLNet', 2, 'model-families', ['xlnet']),
  c('roberta', 'RoBERTa', 2, 'model-families', ['roberta']),
  c('distilbert', 'DistilBERT', 2, 'model-families', ['distilbert']),
  c('mobilebert', 'MobileBERT', 2, 'model-families', ['mobilebert']),
  c('albert', 'ALBERT', 2, 'model-families', ['albert']),
  c('xlm-r', 'XLM-R', 2, 'model-families', ['xlm r', 'xlm roberta']),
  c('mbert', 'mBERT', 2, 'model-families', ['mbert', 'multilingual bert']),
  c('mt5', 'mT5', 2, 'model-families', ['mt5']),
  c('multilingual', 'Multilingual models', 2, 'model-families', ['multilingual', 'cross lingual', 'multilingual transformer', 'multilingual model'], { noGlossary: true }),
  c('lightweight', 'Lightweight Transformers', 2, 'model-families', ['lightweight', 'lightweight transformer model'], { noGlossary: true }),
  c('variants', 'Transformer variants', 2, 'model-families', ['variant', 'transformer variant'], { noGlossary: true }),
  c('cased-uncased', 'Cased and uncased BERT', 2, 'model-families', ['cased', 'uncased'], { noGlossary: true }),
  c('bidirectional', 'Bidirectional context', 2, 'model-families', ['bi directional', 'bidirectional'], { noGlossary: true }),
  c('sentence-pair', 'Sentence-pair tasks', 2, 'model-families', ['sentence pair'], { noGlossary: true }),
  c('generalist', 'Generalist models', 2, 'ethics-future', ['generalist', 'gemini', 'gato']),

  // Language models
  c('tokenizer', 'Tokenization', 2, 'language-models', ['tokenizer', 'tokenization', 'tokenisation']),
  c('wordpiece', 'WordPiece', 2, 'language-models', ['wordpiece']),
  c('oov', 'Out-of-vocabulary (OOV) words', 2, 'language-models', ['out of vocabulary', 'oov'], { noGlossary: true }),
  c('beam-search', 'Beam search', 2, 'language-models', ['beam search']),
  c('greedy-search', 'Greedy search', 2, 'language-models', ['greedy search']),
  c('context-window', 'Context window', 2, 'language-models', ['context window']),
  c('generative-discriminative', 'Generative and discriminative models', 2, 'language-models', ['discriminative', 'generative and discriminative'], { noGlossary: true }),
  c('autoregressive', 'Autoregressive model', 2, 'language-models', ['autoregressive', 'autoregressive modeling']),
  c('hallucination', 'Hallucination', 2, 'rag-prompting', ['hallucination']),
  c('model-size', 'Model size', 2, 'training', ['model size', 'larger model'], { noGlossary: true }),
  c('scaling-laws', 'Scaling laws', 2, 'training', ['scaling law']),

  // Training
  c('training', 'Training', 1, 'training', ['training', 'train', 'trained', 'training process']),
  c('pretraining', 'Pretraining', 1, 'training', ['pretraining', 'pre training']),
  c('mlm', 'Masked language modeling (MLM)', 2, 'training', ['masked language modeling', 'masked language model', 'mlm']),
  c('nsp', 'Next sentence prediction (NSP)', 2, 'training', ['next sentence prediction', 'nsp']),
  c('lr-schedule', 'Learning-rate schedule', 2, 'training', ['learning rate scheduling', 'learning rate scheduler', 'learning rate schedule', 'lr schedule', 'lr scheduler']),
  c('warmup', 'Learning-rate warm-up', 2, 'training', ['warm up', 'warmup', 'learning rate warm up', 'lr warm up', 'lr warmup'], { subsumes: ['lr-schedule'] }),
  c('gradient-clipping', 'Gradient clipping', 2, 'training', ['gradient clipping']),
  c('mixed-precision', 'Mixed-precision training', 2, 'training', ['mixed precision', 'mixed precision training', 'float16', 'fp16', 'bfloat16', 'bf16'], { searchNames: ['fp32', 'float32', 'fp8', 'tf32', '16-bit', '32-bit', 'half precision'] }),
  c('batch-size', 'Batch size', 2, 'training', ['batch size']),
  c('gradient-accumulation', 'Gradient accumulation', 2, 'training', ['gradient accumulation']),
  c('distributed-training', 'Distributed training', 2, 'training', ['distributed training', 'model parallelism', 'pipeline parallelism']),
  c('checkpointing', 'Checkpointing', 2, 'training', ['checkpointing', 'model checkpoint']),
  // Recomputing activations in the backward pass to save memory: not saving the model's state.
  c('gradient-checkpointing', 'Gradient checkpointing', 2, 'training', ['gradient checkpointing', 'activation checkpointing', 'activation recomputation']),
  c('optimizer', 'Optimizer', 2, 'training', ['optimizer', 'adam']),
  c('label-smoothing', 'Temperature and label smoothing', 2, 'training', ['label smoothing', 'temperature'], { noGlossary: true }),
  c('early-stopping', 'Early stopping', 2, 'training', ['early stopping']),
  c('synthetic-data', 'Synthetic data', 2, 'training', ['synthetic data'], { noGlossary: true }),
  c('curriculum', 'Curriculum learning', 2, 'training', ['curriculum', 'curriculum learning']),
  c('reproducibility', 'Reproducibility', 2, 'training', ['reproducibility'], { noGlossary: true }),
  c('compute-budget', 'Compute budget', 2, 'training', ['compute budget'], { noGlossary: true }),
  c('training-efficiency', 'Efficient training', 2, 'training', ['training efficiency', 'efficient training'], { subsumes: ['training'], noGlossary: true }),
  c('training-loss', 'Training loss plateau', 2, 'training', ['training loss', 'loss plateau'], { noGlossary: true }),

  // Transfer learning
  c('transfer-learning', 'Transfer learning', 1, 'transfer-learning', ['transfer learning', 'knowledge transfer', 'transfer learning technique']),
  c('domain-adaptation', 'Domain adaptation', 2, 'transfer-learning', ['domain adaptation']),
  c('domain-specific', 'Domain-specific tasks', 2, 'fine-tuning', ['domain specific', 'domain specific task', 'domain specific application'], { noGlossary: true }),
  c('cross-task', 'Cross-task transfer', 2, 'transfer-learning', ['cross task'], { noGlossary: true }),
  c('multitask', 'Multitask learning', 2, 'transfer-learning', ['multitask', 'multitask learning', 'multi task', 'multiple tasks']),
  c('continual-learning', 'Continual learning', 2, 'transfer-learning', ['continual learning', 'lifelong learning']),
  c('catastrophic-forgetting', 'Catastrophic forgetting', 2, 'fine-tuning', ['catastrophic forgetting']),
  c('frozen', 'Frozen models', 2, 'transfer-learning', ['frozen', 'freeze', 'frozen model']),
  c('zero-shot', 'Zero-shot learning', 2, 'transfer-learning', ['zero shot', 'zero shot learning']),
  c('few-shot', 'Few-shot learning', 2, 'transfer-learning', ['few shot', 'few shot learning']),
  c('prompt-based', 'Prompt-based learning', 2, 'transfer-learning', ['prompt based learning', 'prompt based'], { noGlossary: true }),
  c('low-resource', 'Low-resource settings', 2, 'transfer-learning', ['low resource', 'low resource language', 'low resource environment'], { noGlossary: true }),
  c('feature-based', 'Feature-based transfer', 2, 'transfer-learning', ['feature based', 'feature extraction', 'feature extractor', 'feature based approach', 'feature based transfer learning']),
  c('non-nlp', 'Transfer beyond NLP', 2, 'transfer-learning', ['non nlp', 'beyond nlp'], { noGlossary: true }),
  c('pretrained-models', 'Pretrained language models', 1, 'transfer-learning', ['pre trained language model', 'pretrained model', 'pre trained model'], { noGlossary: true }),

  // Fine-tuning
  c('fine-tuning', 'Fine-tuning', 1, 'fine-tuning', ['fine tuning', 'fine tune', 'fine tuned', 'finetuning', 'full fine tuning']),
  c('classification-head', 'Classification head', 2, 'fine-tuning', ['classification head', 'mlp head', 'text classification'], { noGlossary: true }),
  c('task-heads', 'Task-specific heads', 2, 'fine-tuning', ['task specific head'], { noGlossary: true }),
  c('ner', 'Named entity recognition (NER)', 2, 'fine-tuning', ['named entity recognition', 'ner']),
  c('question-answering', 'Question answering', 2, 'fine-tuning', ['question answering'], { noGlossary: true }),
  c('summarization', 'Summarization', 2, 'fine-tuning', ['summarization'], { noGlossary: true }),
  c('datasets', 'Datasets', 2, 'fine-tuning', ['dataset'], { noGlossary: true }),
  c('image-classification', 'Image classification', 2, 'multimodal', ['image classification'], { noGlossary: true }),
  c('object-detection', 'Object detection', 2, 'multimodal', ['object detection'], { noGlossary: true }),
  c('cls-token', '[CLS] token', 2, 'multimodal', ['cls token', 'cls']),
  c('data-imbalance', 'Data imbalance', 2, 'fine-tuning', ['data imbalance'], { noGlossary: true }),
  c('instruction-tuning', 'Instruction tuning', 2, 'rag-prompting', ['instruction tuning']),

  // Parameter-efficient fine-tuning
  c('peft', 'Parameter-efficient fine-tuning (PEFT)', 2, 'peft', ['parameter efficient', 'parameter efficient method', 'parameter efficient fine tuning', 'peft']),
  c('qlora', 'QLoRA', 2, 'peft', ['qlora'], { searchNames: ['nf4', '4-bit'] }),
  c('lora', 'LoRA (Low-Rank Adaptation)', 2, 'peft', ['lora', 'low rank adaptation', 'lora adapter'], { subsumes: ['qlora', 'peft', 'fine-tuning', 'adapters'] }),
  c('lora-rank', 'LoRA rank', 2, 'peft', ['rank r', 'lora rank'], { subsumes: ['lora'], noGlossary: true }),
  c('adapters', 'Adapters', 2, 'peft', ['adapter', 'adapter layer', 'adapter module']),
  c('prefix-tuning', 'Prefix tuning', 2, 'peft', ['prefix tuning'], { noGlossary: true }),
  c('prompt-tuning', 'Prompt tuning', 2, 'peft', ['prompt tuning', 'soft prompt'], { noGlossary: true }),

  // Retrieval, prompting, agents
  c('rag', 'Retrieval-augmented generation (RAG)', 2, 'rag-prompting', ['rag', 'retrieval augmented generation', 'rag pipeline']),
  c('agentic', 'Agentic AI', 2, 'rag-prompting', ['agentic', 'agentic ai', 'agent'], { noGlossary: true }),
  c('in-context-learning', 'In-context learning', 2, 'rag-prompting', ['in context learning']),
  c('prompt-engineering', 'Prompt engineering', 2, 'rag-prompting', ['prompt engineering']),
  c('rlhf', 'Reinforcement learning from human feedback (RLHF)', 2, 'alignment', ['rlhf', 'reinforcement learning from human feedback', 'reinforcement learning with human feedback', 'reinforcement learning']),

  // Multimodal
  c('multimodal', 'Multimodal models', 2, 'multimodal', ['multimodal', 'multi modal', 'multimodal transformer', 'multimodal model', 'multimodal learning', 'multimodal generative model', 'multimodal language model', 'vision language model']),
  c('vit', 'Vision Transformer (ViT)', 2, 'multimodal', ['vision transformer', 'vit']),
  c('image-patches', 'Image patches', 2, 'multimodal', ['image patch'], { subsumes: ['vit'], noGlossary: true }),
  c('clip', 'CLIP', 2, 'multimodal', ['clip']),
  c('dall-e', 'DALL-E', 2, 'multimodal', ['dall e']),
  c('flamingo', 'Flamingo', 2, 'multimodal', ['flamingo']),
  c('cross-modal-attention', 'Cross-modal attention', 2, 'multimodal', ['cross modal attention', 'cross modal'], { subsumes: ['attention', 'cross-attention', 'multimodal'] }),
  c('vlp', 'Vision-language pre-training (VLP)', 2, 'multimodal', ['vision language pre training', 'vlp'], { subsumes: ['pretraining', 'multimodal'] }),
  c('mlim', 'Masked language-image modeling (MLIM)', 2, 'multimodal', ['masked language image modeling', 'mlim'], { subsumes: ['mlm'] }),
  c('image-loss', 'Loss functions for image generation', 2, 'multimodal', ['generative image model', 'image generation'], { subsumes: ['loss-function'], noGlossary: true }),
  c('perceptual-loss', 'Perceptual loss', 2, 'multimodal', ['perceptual loss'], { subsumes: ['loss-function', 'image-loss'] }),
  c('grounding', 'Grounding', 2, 'multimodal', ['grounding'], { noGlossary: true }),
  c('data-sparsity', 'Data sparsity', 2, 'multimodal', ['data sparsity'], { noGlossary: true }),

  // Applications
  c('applications', 'Applications', 2, 'applications', ['application', 'real world application'], { noGlossary: true }),
  c('healthcare', 'Healthcare', 2, 'applications', ['healthcare'], { subsumes: ['applications'], noGlossary: true }),
  c('legal', 'Legal domain', 2, 'applications', ['legal domain'], { noGlossary: true }),
  c('finance', 'Finance', 2, 'applications', ['finance'], { subsumes: ['applications'], noGlossary: true }),
  c('search-engines', 'Search engines', 2, 'applications', ['search engine'], { noGlossary: true }),
  c('chatbots', 'Chatbots and assistants', 2, 'applications', ['chatbot', 'virtual assistant'], { noGlossary: true }),
  c('recommendation', 'Recommendation systems', 2, 'applications', ['recommendation system'], { noGlossary: true }),
  c('speech', 'Speech processing', 2, 'applications', ['speech processing'], { noGlossary: true }),
  c('creative-arts', 'Creative arts', 2, 'applications', ['creative art'], { noGlossary: true }),
  c('translation', 'Machine translation', 2, 'transformer-architecture', ['translation'], { noGlossary: true }),

  // Tools and deployment
  c('hugging-face', 'Hugging Face Transformers', 2, 'deployment', ['hugging face', 'hugging face transformers library']),
  c('trainer-api', 'Trainer API', 2, 'deployment', ['transformers trainer api', 'trainer api'], { noGlossary: true }),
  c('optimum', 'Optimum', 2, 'deployment', ['optimum'], { noGlossary: true }),
  c('onnx', 'ONNX', 2, 'deployment', ['onnx', 'onnx runtime']),
  c('pytorch-tensorflow', 'PyTorch and TensorFlow', 2, 'deployment', ['pytorch', 'tensorflow'], { noGlossary: true }),
  c('tflite', 'TensorFlow Lite', 2, 'deployment', ['tensorflow lite'], { subsumes: ['pytorch-tensorflow'], noGlossary: true }),
  c('torchscript', 'TorchScript', 2, 'deployment', ['torchscript'], { noGlossary: true }),
  c('quantization', 'Quantization', 2, 'deployment', ['quantization', 'model quantization'], { searchNames: ['int8', 'int4', 'fp8', '8-bit', '4-bit', '2-bit', 'low-bit', 'nf4', 'gptq', 'awq', 'gguf'] }),
  c('distillation', 'Knowledge distillation', 2, 'deployment', ['distillation', 'knowledge distillation', 'model distillation']),
  c('pruning', 'Pruning', 2, 'deployment', ['pruning'], { noGlossary: true }),
  c('inference', 'Inference optimization', 2, 'deployment', ['inference optimization', 'inference'], { noGlossary: true }),
  c('deployment', 'Deployment', 1, 'deployment', ['deploy', 'deployment', 'deploying'], { noGlossary: true }),
  c('serving', 'Serving models', 2, 'deployment', ['web api', 'browser'], { noGlossary: true }),
  c('latency', 'Latency', 2, 'deployment', ['latency'], { noGlossary: true }),
  c('evaluation', 'Evaluation', 1, 'fine-tuning', ['evaluation metric'], { noGlossary: true }),
  c('llm-evaluation', 'Evaluating LLMs', 2, 'language-models', ['llm evaluation', 'evaluating llm'], { noGlossary: true }),

  // Alignment, preference tuning and safety
  c('preference-tuning', 'Preference tuning', 2, 'alignment', ['preference tuning', 'preference optimization', 'preference optimisation', 'human preference', 'preference pair']),
  c('reward-model', 'Reward model', 2, 'alignment', ['reward model', 'bradley terry']),
  c('ppo', 'Proximal policy optimization (PPO)', 2, 'alignment', ['ppo', 'proximal policy optimization', 'proximal policy optimisation']),
  c('dpo', 'Direct preference optimization (DPO)', 2, 'alignment', ['dpo', 'direct preference optimization', 'direct preference optimisation']),
  c('grpo', 'Group relative policy optimization (GRPO)', 2, 'alignment', ['grpo', 'group relative policy optimization', 'group relative policy optimisation']),
  c('reward-hacking', 'Reward hacking', 2, 'alignment', ['reward hacking', 'reward overoptimization', 'reward overoptimisation']),
  c('rlaif', 'RL from AI feedback (RLAIF) and Constitutional AI', 2, 'alignment', ['rlaif', 'constitutional ai', 'reinforcement learning from ai feedback']),
  c('jailbreak', 'Jailbreak', 2, 'alignment', ['jailbreak', 'jailbreaking']),
  c('red-teaming', 'Red-teaming', 2, 'alignment', ['red teaming', 'red team']),
  c('guardrails', 'Guardrails', 2, 'alignment', ['guardrail'], { noGlossary: true }),

  // Reasoning and test-time compute
  c('chain-of-thought', 'Chain-of-thought (CoT)', 2, 'reasoning', ['chain of thought', 'chain of thought prompting', 'cot']),
  c('self-consistency', 'Self-consistency', 2, 'reasoning', ['self consistency']),
  c('test-time-compute', 'Test-time compute', 2, 'reasoning', ['test time compute', 'test time scaling', 'inference time compute', 'reasoning model']),
  c('process-reward-model', 'Process and outcome reward models', 2, 'reasoning', ['process reward model', 'outcome reward model', 'process supervision']),
  c('verifiable-rewards', 'RL from verifiable rewards (RLVR)', 2, 'reasoning', ['verifiable reward', 'rlvr', 'deepseek r1']),

  // Pretraining data and training at scale
  c('data-deduplication', 'Deduplication', 2, 'training', ['deduplication', 'deduplicate', 'near duplicate', 'minhash']),
  c('data-quality', 'Quality filtering', 2, 'training', ['quality filter', 'quality filtering', 'data quality']),
  c('contamination', 'Benchmark contamination', 2, 'training', ['contamination', 'data contamination', 'benchmark contamination']),
  c('data-mixture', 'Data mixture', 2, 'training', ['data mixture', 'data mix']),
  c('chinchilla', 'Chinchilla scaling', 2, 'training', ['chinchilla', 'compute optimal']),
  c('zero', 'ZeRO and FSDP', 2, 'training', ['zero stage', 'zero redundancy optimizer', 'fsdp', 'fully sharded data parallel']),
  c('tensor-parallelism', 'Tensor parallelism', 2, 'training', ['tensor parallelism', 'tensor parallel']),
  c('pipeline-parallelism', 'Pipeline parallelism', 2, 'training', ['pipeline bubble', 'pipeline stage', 'pipeline parallel'], { subsumes: ['distributed-training'] }),

  // The modern block
  c('rmsnorm', 'RMSNorm', 2, 'transformer-architecture', ['rmsnorm', 'root mean square normalization', 'root mean square layer normalization']),
  c('swiglu', 'SwiGLU', 2, 'transformer-architecture', ['swiglu', 'gated linear unit', 'glu']),
  c('qk-norm', 'QK-norm', 2, 'transformer-architecture', ['qk norm', 'query key normalization']),
  c('pre-norm', 'Pre-LN and Post-LN', 2, 'transformer-architecture', ['pre ln', 'post ln', 'pre norm', 'post norm']),

  // Inference and serving
  c('prefill-decode', 'Prefill and decode', 2, 'inference', ['prefill', 'prefill phase', 'decode phase', 'memory bandwidth bound']),
  c('continuous-batching', 'Continuous batching', 2, 'inference', ['continuous batching', 'in flight batching']),
  c('paged-attention', 'PagedAttention', 2, 'inference', ['pagedattention', 'paged attention', 'vllm'], { subsumes: ['kv-cache'] }),
  c('serving-metrics', 'TTFT and TPOT', 2, 'inference', ['ttft', 'time to first token', 'tpot', 'time per output token', 'inter token latency']),
  c('prefix-caching', 'Prefix caching', 2, 'inference', ['prefix caching', 'prompt caching']),
  c('speculative-decoding', 'Speculative decoding', 2, 'inference', ['speculative decoding', 'speculative sampling']),
  c('draft-heads', 'Medusa and EAGLE', 2, 'inference', ['medusa', 'eagle']),
  c('weight-quantization', 'GPTQ and AWQ', 2, 'deployment', ['gptq', 'awq', 'weight only quantization'], { subsumes: ['quantization'] }),
  c('fp8', 'FP8', 2, 'deployment', ['fp8', 'e4m3', 'e5m2']),
  c('activation-outliers', 'Activation outliers', 2, 'deployment', ['llm int8', 'smoothquant', 'outlier feature']),

  // State-space models, linear attention and long context
  c('linear-attention', 'Linear attention', 2, 'efficient-attention', ['linear attention']),
  c('state-space-model', 'State-space models (Mamba)', 2, 'efficient-attention', ['mamba', 'state space model', 'selective state space', 'ssm']),
  c('rope-scaling', 'RoPE scaling', 2, 'positional-encoding', ['yarn', 'position interpolation', 'ntk aware', 'rope scaling'], { subsumes: ['rope'] }),
  c('long-context-evaluation', 'Evaluating long context', 2, 'efficient-attention', ['haystack', 'ruler']),

  // Retrieval, agents and evaluation
  c('bm25', 'BM25', 2, 'rag-prompting', ['bm25', 'okapi bm25']),
  c('dense-retrieval', 'Dense retrieval', 2, 'rag-prompting', ['dense retrieval', 'dense retriever', 'bi encoder']),
  c('hybrid-retrieval', 'Hybrid retrieval and reranking', 2, 'rag-prompting', ['hybrid retrieval', 'reciprocal rank fusion', 'reranker', 'cross encoder', 'reranking']),
  c('ann-index', 'Approximate nearest-neighbour indexes', 2, 'rag-prompting', ['hnsw', 'ivf', 'product quantization', 'approximate nearest neighbour', 'approximate nearest neighbor']),
  c('function-calling', 'Function calling (tool use)', 2, 'rag-prompting', ['function calling', 'tool use', 'tool calling']),
  c('react', 'ReAct', 2, 'rag-prompting', ['react']),
  c('llm-as-judge', 'LLM-as-a-judge', 2, 'language-models', ['llm judge', 'judge']),
  c('vlm', 'Vision-language model (VLM)', 2, 'multimodal', ['vlm', 'llava']),

  // Ethics and the future
  c('ethics', 'Ethics', 2, 'ethics-future', ['ethical', 'ethical concern', 'ethical consideration'], { noGlossary: true }),
  c('bias', 'Bias and fairness', 2, 'ethics-future', ['bias', 'fairness', 'debiasing', 'debias'], { noGlossary: true }),
  c('interpretability', 'Interpretability', 2, 'ethics-future', ['interpretability', 'explainability', 'interpret']),
  c('future', 'Future directions', 2, 'ethics-future', ['future', 'outlook'], { noGlossary: true }),
  c('energy', 'Energy efficiency', 2, 'ethics-future', ['energy efficient', 'energy'], { noGlossary: true }),
  c('hardware', 'Hardware', 2, 'ethics-future', ['hardware'], { noGlossary: true }),
  c('open-source', 'Open source', 2, 'ethics-future', ['open source'], { noGlossary: true }),
  c('personalized', 'Personalized AI', 2, 'ethics-future', ['personalized'], { noGlossary: true }),
  c('symbolic', 'Hybrid symbolic models', 2, 'ethics-future', ['symbolic'], { noGlossary: true }),
  c('sparsity', 'Sparsity', 2, 'ethics-future', ['sparsity'], { noGlossary: true }),
];
