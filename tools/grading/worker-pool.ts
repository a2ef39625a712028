/** Runs `work` on every item with at most `workers` at a time; results in input order. */
export async function mapWithWorkers<T, R>(items: readonly T[], workers: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, () => worker()));
  return results;
}
