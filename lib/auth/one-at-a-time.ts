/** The task running now for each key (sign-ins: this process signs in; scripts do not). */
const running = new Map<string, Promise<unknown>>();

/** Runs `task` once no other task holds any of `keys`, holding them until it ends. */
export async function oneAtATime<T>(keys: string[], task: () => Promise<T>): Promise<T> {
  for (;;) {
    const busy = keys.flatMap((key) => running.get(key) ?? []);
    if (busy.length === 0) break;
    await Promise.allSettled(busy);
  }
  // No await between the check above and taking the keys: nothing can slip in between.
  const run = task();
  for (const key of keys) running.set(key, run);
  try {
    return await run;
  } finally {
    for (const key of keys) if (running.get(key) === run) running.delete(key);
  }
}
