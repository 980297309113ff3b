import { describe, expect, it } from 'vitest';
import { testSession } from '../support/session';

describe('odds from a node', () => {
  it('plays N AI games from the node, reporting progress, and summarises them', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 2);
    session.endTurn();
    const progress: number[] = [];
    const run = session.runOdds(session.cursor, 20, (done) => progress.push(done), 100);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const summary = await run.value.promise;
    expect(summary).toMatchObject({ playouts: 20, seeds: [100, 119] });
    expect(progress.at(-1)).toBe(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The playouts start from the node: nobody can end before its turn.
    const hill = summary.control.find((c) => c.region === 'hill')!;
    expect(Object.values(hill.controllers).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('can be cancelled', async () => {
    const { session } = testSession();
    await session.load('mosul-2016', null, 2);
    const run = session.runOdds('', 500, () => {});
    if (!run.ok) throw new Error(run.error);
    run.value.cancel();
    await expect(run.value.promise).rejects.toThrow('cancelled');
  });

  it('tells the page while playouts run (the first starts it, the last to end, finished or cancelled, stops it)', async () => {
    const { session, events } = testSession();
    await session.load('three-valleys', null, 2);
    const running = () =>
      events.filter((e) => e.type === 'odds/running').map((e) => (e.payload as { running: boolean }).running);
    const a = session.runOdds(session.cursor, 10, () => {});
    const b = session.runOdds(session.cursor, 500, () => {});
    if (!a.ok || !b.ok) throw new Error('the runs did not start');
    expect(running()).toEqual([true]);
    await a.value.promise;
    expect(running()).toEqual([true]); // one still runs
    b.value.cancel();
    await expect(b.value.promise).rejects.toThrow('cancelled');
    expect(running()).toEqual([true, false]);
  });

  it('refuses a node where the game is over', async () => {
    const { session } = testSession();
    await session.load('three-valleys', null, 2);
    for (let i = 0; i < 6; i++) session.endTurn();
    expect(session.runOdds(session.cursor, 5, () => {})).toMatchObject({
      ok: false,
      error: expect.stringMatching(/game is over/),
    });
  });
});
