// DOMAIN.md S1-B: what A1's logic implies if Turkey had joined the Mosul offensive. Over many AI playouts, the
// branch should leave Turkey less dependent on Russia, in sharper competition with Iran, and on better terms
// with the US than the main line. These are the model's outcomes, not scripted: the branch only changes the
// starting relations and suppresses the rules of Turkey's exclusion (R3, R5, R7, R9).
import { describe, expect, it } from 'vitest';
import { summarize, playout } from '../../src/engine/playout';
import { worldFrom } from '../support/worlds';

const N = 60;
const mean = (branch: string | null) => {
  const w = worldFrom('scenarios/mosul-2016.json', branch);
  const finals = Array.from({ length: N }, (_, i) => playout(w, 1000 + i, 'batch'));
  const s = summarize(w, finals, [1000, 1000 + N - 1]);
  return (a: string, b: string) =>
    s.relations.find((r) => (r.a === a && r.b === b) || (r.a === b && r.b === a))!.mean;
};

describe('S1-B: what if Turkey joins the Mosul offensive', { timeout: 120_000 }, () => {
  const main = mean(null);
  for (const branch of ['turkey-joins-mosul', 'turkey-joins-mosul-unilateral']) {
    const alt = mean(branch);
    it(`${branch}: Turkey ends less close to Russia (RUS–TUR net lower)`, () => {
      expect(alt('RUS', 'TUR')).toBeLessThan(main('RUS', 'TUR'));
    });
    it(`${branch}: Turkey and Iran end in sharper competition (IRN–TUR net lower)`, () => {
      expect(alt('IRN', 'TUR')).toBeLessThan(main('IRN', 'TUR'));
    });
    it(`${branch}: Turkey ends on better terms with the US (US–TUR net higher)`, () => {
      expect(alt('US', 'TUR')).toBeGreaterThan(main('US', 'TUR'));
    });
  }
});
