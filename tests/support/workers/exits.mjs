// A playout worker thread that stops itself in the middle of a range (tests/cli/workers.test.ts).
/* global process */
export default function playRange() {
  process.exit(3);
}
