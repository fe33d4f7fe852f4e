/** How alike two texts' words or senses are: the measure the grouping compares weighted bags with. */

export type Vector = Map<string, number>;

/** Scales a vector to unit length, so that a cosine is a dot product. */
export function normalised(vector: Vector): Vector {
  let norm = 0;
  for (const x of vector.values()) norm += x * x;
  if (!norm) return vector;
  const scale = 1 / Math.sqrt(norm);
  const unit: Vector = new Map();
  for (const [k, x] of vector) unit.set(k, x * scale);
  return unit;
}

/** The cosine of two unit vectors: their dot product, walking the shorter one. */
export function cosine(a: Vector, b: Vector): number {
  const [short, long] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of short) dot += x * (long.get(k) ?? 0);
  return dot;
}
