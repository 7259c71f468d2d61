import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startPeriodic } from '../../demo/server/periodic.js';

describe('startPeriodic: the background jobs’ loop (escalation, deliveries, digest, drops, retention)', () => {
  it('runs after the first delay, then an interval after each run ends, never two at once', async () => {
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    const began = Date.now();
    const stop = startPeriodic(
      async () => {
        starts.push(Date.now() - began);
        most = Math.max(most, ++active);
        await sleep(30);
        active--;
      },
      10,
      { firstAfterMs: 20, onError: (error) => assert.fail(String(error)) },
    );
    // Polled, not a fixed sleep: a loaded machine delays timers, never shortens them.
    while (starts.length < 3) await sleep(10);
    await stop();
    assert.ok(starts[0]! >= 15, `first run after ${starts[0]} ms`);
    // Each start is at least one run (30 ms) plus one interval (10 ms) after the previous one.
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i]! - starts[i - 1]! >= 35, `runs ${starts.join(', ')} ms`);
    assert.equal(most, 1);
  });

  it('keeps going after a failed run, telling onError', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const stop = startPeriodic(
      async () => {
        runs++;
        if (runs === 1) throw new Error('database down');
      },
      5,
      { onError: (error) => errors.push(error) },
    );
    while (runs < 2) await sleep(5);
    await stop();
    assert.equal((errors[0] as Error).message, 'database down');
  });

  it('stops: waits for the run in progress, and starts no other', async () => {
    let finished = false;
    let runs = 0;
    const stop = startPeriodic(
      async () => {
        runs++;
        await sleep(50);
        finished = true;
      },
      5,
      { firstAfterMs: 0, onError: (error) => assert.fail(String(error)) },
    );
    while (runs === 0) await sleep(1);
    await stop();
    assert.equal(finished, true, 'stop() waited for the run');
    await sleep(30);
    assert.equal(runs, 1);
  });
});
