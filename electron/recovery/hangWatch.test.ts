import { describe, expect, it } from 'vitest';
import { HangWatch } from './hangWatch';
import { ManualTimers } from './manualTimers';

describe('HangWatch', () => {
  it('reports a hang that lasts past the grace period, once', () => {
    const timers = new ManualTimers();
    const hangs: number[] = [];
    const watch = new HangWatch(10_000, timers, (ms) => hangs.push(ms));
    watch.unresponsive();
    timers.advance(5_000);
    watch.unresponsive();
    timers.advance(4_999);
    expect(hangs).toEqual([]);
    timers.advance(1);
    expect(hangs).toEqual([10_000]);
    expect(watch.isWaiting).toBe(false);
  });

  it('forgets a hang that recovers by itself within the grace period', () => {
    const timers = new ManualTimers();
    const hangs: number[] = [];
    const watch = new HangWatch(10_000, timers, (ms) => hangs.push(ms));
    watch.unresponsive();
    timers.advance(9_000);
    watch.responsive();
    timers.advance(60_000);
    expect(hangs).toEqual([]);
    expect(timers.pendingCount).toBe(0);
  });

  it('times a new hang from its own start', () => {
    const timers = new ManualTimers();
    const hangs: number[] = [];
    const watch = new HangWatch(10_000, timers, () => hangs.push(timers.now()));
    watch.unresponsive();
    timers.advance(3_000);
    watch.responsive();
    watch.unresponsive();
    timers.advance(10_000);
    expect(hangs).toEqual([13_000]);
  });
});
