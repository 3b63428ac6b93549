/** Every page a connector listing yields, in order. */
export async function pagesOf<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const collected: T[][] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

/** A no-op sleep that records what it was asked to wait, optionally moving a fake clock on. */
export function recordingSleep(advance?: (ms: number) => void): { sleeps: number[]; sleep: (ms: number) => Promise<void> } {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      advance?.(ms);
    },
  };
}
