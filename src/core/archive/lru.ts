// A bounded cache, least recently used out first. Weighed: a decoded postings list of a million
// refs counts a million, an article counts one.
export class Lru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Summed weight of what is held (never above the capacity, but for one oversized entry). */
  get weight(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Re-inserting moves it to the young end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: K, value: V): void {
    this.delete(key);
    const weight = this.weigh(value);
    this.entries.set(key, { value, weight });
    this.total += weight;
    for (const [old, entry] of this.entries) {
      if (this.total <= this.capacity || old === key) break;
      this.entries.delete(old);
      this.total -= entry.weight;
    }
  }

  delete(key: K): void {
    const hit = this.entries.get(key);
    if (!hit) return;
    this.entries.delete(key);
    this.total -= hit.weight;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }
}
