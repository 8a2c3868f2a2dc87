/**
 * Parse results are pure functions of their text, and real definitions repeat the same paths many times
 * (`$.order.id` in every state), so parsers keep a bounded cache. Cached ASTs are shared: never mutate them.
 */
export function memoizeByText<T>(parse: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const result = parse(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, result);
    return result;
  };
}
