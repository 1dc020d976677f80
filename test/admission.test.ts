import { describe, expect, it } from 'vitest';
import { createAdmissionQueue } from '../server/admission.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the admission queue of the Node entry', () => {
  it('starts requests in arrival order, at most two per event-loop turn', async () => {
    const queue = createAdmissionQueue(2);
    const started: number[] = [];
    const all = Array.from({ length: 5 }, (_, i) => queue.admit().then(() => started.push(i)));
    expect(started).toEqual([]);
    await nextTurn();
    expect(started).toEqual([0, 1]);
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(queue.waiting).toBe(0);
  });
});
