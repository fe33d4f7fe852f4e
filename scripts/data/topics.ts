/**
 * The topics, in the order a learner meets them: from neural-network foundations through attention, model
 * families, training, transfer learning and fine-tuning, to deployment, ethics and the future. Which of a
 * source's sections (the book's chapters) falls in which topic is in that source's manifest entry (`sectionTopics`).
 */
export interface TopicDefinition {
  id: string;
  title: string;
  /** One sentence for the topic card, the page's meta description and the sidebar tooltip. */
  description: string;
}

export const TOPICS: TopicDefinition[] = [
  {
    id: 'foundations',
    title: 'Neural Network Foundations',
    description: 'Neurons, layers, activation functions, backpropagation, loss, optimisation and regularisation.',
  },
  {
    id: 'transformer-architecture',
    title: 'The Transformer Architecture',
    description: 'Why Transformers replaced RNNs, and the encoder, decoder, residual connections, layer normalisation and feed-forward blocks they are built from.',
  },
  {
    id: 'attention',
    title: 'Attention Mechanisms',
    description: 'Self-attention, queries, keys and values, scaled dot-product and multi-head attention, masking and cross-attention.',
  },
  {
    id: 'positional-encoding',
    title: 'Positional Encoding',
    description: 'How a Transformer knows word order: sinusoidal, learned, absolute, relative and rotary position encodings.',
  },
  {
    id: 'efficient-attention',
    title: 'Efficient Attention and Long Context',
    description: 'The quadratic cost of attention and what reduces it: sparse and sliding-window attention, multi-query and grouped-query attention, the KV cache.',
  },
  {
    id: 'model-families',
    title: 'Model Families: BERT, GPT, T5 and Beyond',
    description: 'Encoder-only, decoder-only and encoder-decoder models, and the BERT, GPT and T5 families with their variants.',
  },
  {
    id: 'language-models',
    title: 'Large Language Models',
    description: 'What language models and LLMs are, how they generate text, their context windows, and how they differ from earlier models.',
  },
  {
    id: 'training',
    title: 'Pretraining and Training',
    description: 'Pretraining objectives, learning-rate schedules, mixed precision, batch size, optimisers and the other levers of training at scale.',
  },
  {
    id: 'transfer-learning',
    title: 'Transfer Learning',
    description: 'Reusing what a pretrained model knows: feature extraction, domain adaptation, zero- and few-shot learning, continual learning.',
  },
  {
    id: 'fine-tuning',
    title: 'Fine-Tuning',
    description: 'Adapting a pretrained Transformer to a downstream task: heads, strategies, catastrophic forgetting and evaluation.',
  },
  {
    id: 'peft',
    title: 'Parameter-Efficient Fine-Tuning',
    description: 'LoRA, QLoRA, adapters and prefix tuning: fine-tuning large models by training a small number of parameters.',
  },
  {
    id: 'alignment',
    title: 'Alignment, Preference Tuning and Safety',
    description: 'RLHF and its reward model, PPO with a KL penalty, DPO and GRPO, reward hacking, AI feedback, jailbreaks and red-teaming.',
  },
  {
    id: 'reasoning',
    title: 'Reasoning and Test-Time Compute',
    description: 'Chain-of-thought and self-consistency, reasoning models trained with verifiable rewards, process reward models and spending compute at inference.',
  },
  {
    id: 'rag-prompting',
    title: 'Retrieval, Prompting and Agents',
    description: 'Retrieval-augmented generation, BM25, dense and hybrid retrieval, reranking, prompting and in-context learning, tool calling and agents.',
  },
  {
    id: 'multimodal',
    title: 'Multimodal and Vision Transformers',
    description: 'Transformers for images, text and more: ViT, CLIP, DALL-E, cross-modal attention and multimodal training.',
  },
  {
    id: 'applications',
    title: 'Applications',
    description: 'Transformers at work in healthcare, law, finance, search, chatbots, recommendation, speech and the arts.',
  },
  {
    id: 'inference',
    title: 'Inference and Serving',
    description: 'Prefill and decode, the KV cache and its size, batching, PagedAttention, speculative decoding and the latency and throughput of serving LLMs.',
  },
  {
    id: 'deployment',
    title: 'Tools, Deployment and Compression',
    description: 'Hugging Face, ONNX, quantisation (int8, int4, FP8, GPTQ, AWQ), distillation and pruning: making Transformer models small and fast to deploy.',
  },
  {
    id: 'ethics-future',
    title: 'Ethics, Limitations and the Future',
    description: 'Bias, interpretability, limitations of current models and where Transformer research is heading.',
  },
];
