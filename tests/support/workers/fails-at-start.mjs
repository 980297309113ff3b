// A playout worker that cannot start: its module throws while it loads (tests/cli/workers.test.ts).
throw new Error('the worker module failed to load');
