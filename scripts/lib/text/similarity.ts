/** How alike two texts' words or senses are: the measures every stage compares bags and sets with. */

export type Vector = Map<string, number>;

/** Scales a vector to unit length, so that a cosine is a dot product. */
export function normalised(vector: Vector): Vector {
  let norm = 0;
  for (const x of vector.values()) norm += x * x;
  if (!norm) return vector;
  const scale = 1 / Math.sqrt(norm);
  return new Map([...vector].map(([k, x]) => [k, x * scale]));
}

/** The cosine of two unit vectors: their dot product, walking the shorter one. */
export function cosine(a: Vector, b: Vector): number {
  const [short, long] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of short) dot += x * (long.get(k) ?? 0);
  return dot;
}

/** The cosine of two weighted bags of any length. */
export function cosineOf(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, x] of a) {
    na += x * x;
    dot += x * (b.get(k) ?? 0);
  }
  for (const y of b.values()) nb += y * y;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Shared members over all members (Jaccard). */
export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  const all = a.size + b.size - shared;
  return all ? shared / all : 0;
}
