import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/lib/auth/one-at-a-time';

/** A task that records when it starts and ends, and ends when told. */
function gated(name: string, log: string[]) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    open: () => open(),
    task: async () => {
      log.push(`${name} starts`);
      await gate;
      log.push(`${name} ends`);
      return name;
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('oneAtATime', () => {
  it('runs tasks that share a key one after another, in order, and tasks with other keys at the same time', async () => {
    const log: string[] = [];
    const [a, b, c] = [gated('a', log), gated('b', log), gated('c', log)];
    const runs = [oneAtATime(['account x', 'address 1'], a.task), oneAtATime(['account x', 'address 2'], b.task), oneAtATime(['account y', 'address 3'], c.task)];
    await tick();
    // a and c hold no key in common: both run; b shares a's account and waits.
    expect(log).toEqual(['a starts', 'c starts']);
    c.open();
    await tick();
    expect(log).toEqual(['a starts', 'c starts', 'c ends']);
    a.open();
    await tick();
    await tick();
    expect(log).toEqual(['a starts', 'c starts', 'c ends', 'a ends', 'b starts']);
    b.open();
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
  });

  it('lets the next task run after one fails, and passes the failure on', async () => {
    await expect(oneAtATime(['k'], () => Promise.reject(new Error('database busy')))).rejects.toThrow('database busy');
    await expect(oneAtATime(['k'], async () => 'next')).resolves.toBe('next');
  });
});
