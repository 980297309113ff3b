// The net value of a pair: one number from its layer values, the way the game reads "how do these two stand".
//
// Ties of one sign combine as independent reasons, each closing part of the way that is left: two layers at +50
// make +75 (1 − ½·½), a pair tied in one theatre only keeps that value, a faint tie elsewhere moves it a little,
// and nothing passes ±100. Hostile ties do the same toward −100, and the net is the sum of the two parts.
// It is monotonic: warming one layer never cools the net, and cooling one never warms it (a weighted mean of the
// layers, used before, was not: a pair at +70 in one layer and +20 in another rose to +70 when the +20 went to 0).

/** The part of the way to +100 still open, times that to −100, start: both whole. */
export const NET_START = 1;

/**
 * The net value from the open parts left by the positive layers (`keep`) and the negative ones (`hold`), rounded
 * half away from zero so that a pair and its mirror image (every sign turned) have opposite nets.
 */
export function netFrom(keep: number, hold: number): number {
  const x = 100 * (hold - keep);
  return x < 0 ? -Math.round(-x) || 0 : Math.round(x);
}

/** The net of a list of layer values in −100…100. */
export function netOf(values: readonly number[]): number {
  let keep = NET_START;
  let hold = NET_START;
  for (const v of values) {
    if (v > 0) keep *= 1 - v / 100;
    else if (v < 0) hold *= 1 + v / 100;
  }
  return netFrom(keep, hold);
}
