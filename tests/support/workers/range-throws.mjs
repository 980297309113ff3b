// A playout worker whose every range fails (tests/cli/workers.test.ts).
export default function playRange(range) {
  throw new Error(`range from ${range.from} failed`);
}
