/** A time limit for network work: the card's fetch and the comments' requests share it. */

export class TimeoutError extends Error {}

/** Runs `run` with an abort signal that fires after `ms`; rejects with `TimeoutError` then, even if `run` ignores it. */
export async function withTimeout<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new TimeoutError());
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([run(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
