// Playouts run to the scenario's own end: no fixed turn cap of their own cuts a game short.
import { describe, expect, it } from 'vitest';
import { compileWorld } from '../../src/engine/index';
import { playout } from '../../src/engine/playout';
import { valleys } from '../support/worlds';

describe('playout', () => {
  it('plays a world to its end.turns even past 1,000 turns (worlds built without the schema cap)', () => {
    const def = valleys().def;
    const long = compileWorld({ ...def, end: { ...def.end, turns: 1001 } });
    if (!long.ok) throw new Error(long.error);
    const last = playout(long.value, 3, 'batch');
    expect(last).toMatchObject({ turn: 1001, over: true });
  });
});
