import { describe, expect, it } from 'vitest';
import { createChartQueue } from './chartQueue';

function harness(budgetMs: number, drawMs: number) {
  let clock = 0;
  const frames: Array<() => void> = [];
  const drawn: string[] = [];
  const queue = createChartQueue({ schedule: (run) => frames.push(run), now: () => clock, budgetMs });
  const draw = (name: string) => () => {
    clock += drawMs;
    drawn.push(name);
  };
  const frame = () => frames.shift()?.();
  return { queue, frames, drawn, draw, frame };
}

describe('chart queue', () => {
  it('draws nothing at once, then as many charts per frame as the budget allows, in the order asked', () => {
    const h = harness(6, 4);
    const [a, b, c] = [{}, {}, {}];
    h.queue.submit(a, h.draw('a'));
    h.queue.submit(b, h.draw('b'));
    h.queue.submit(c, h.draw('c'));
    expect(h.drawn).toEqual([]);
    expect(h.frames).toHaveLength(1);
    h.frame();
    // 4 ms, under the budget: one more; 8 ms: the rest waits.
    expect(h.drawn).toEqual(['a', 'b']);
    expect(h.queue.size).toBe(1);
    h.frame();
    expect(h.drawn).toEqual(['a', 'b', 'c']);
    expect(h.frames).toHaveLength(0);
  });

  it('always draws at least one chart a frame, however slow', () => {
    const h = harness(6, 50);
    h.queue.submit({}, h.draw('a'));
    h.queue.submit({}, h.draw('b'));
    h.frame();
    expect(h.drawn).toEqual(['a']);
    h.frame();
    expect(h.drawn).toEqual(['a', 'b']);
  });

  it('draws only the newest option of a chart asked again before its turn, and nothing for a cancelled one', () => {
    const h = harness(100, 1);
    const [a, b] = [{}, {}];
    h.queue.submit(a, h.draw('a1'));
    h.queue.submit(b, h.draw('b1'));
    h.queue.submit(a, h.draw('a2'));
    h.queue.cancel(b);
    expect(h.frames).toHaveLength(1);
    h.frame();
    expect(h.drawn).toEqual(['a2']);
    expect(h.queue.size).toBe(0);
  });

  it('keeps a chart asked again in its place, so charts that update every frame cannot starve one that waits', () => {
    const h = harness(1, 5);
    const [a, b, c] = [{}, {}, {}];
    h.queue.submit(b, h.draw('b'));
    h.queue.submit(a, h.draw('a'));
    for (let frame = 0; frame < 4; frame++) {
      // b and c get a new point every frame.
      h.queue.submit(b, h.draw('b'));
      h.queue.submit(c, h.draw('c'));
      h.frame();
    }
    expect(h.drawn.slice(0, 3)).toEqual(['b', 'a', 'c']);
  });

  it('draws urgent charts (nothing or another SLO on screen) before new points, and keeps a chart urgent until drawn', () => {
    const h = harness(1, 5);
    const [a, b, c] = [{}, {}, {}];
    h.queue.submit(a, h.draw('a'));
    h.queue.submit(b, h.draw('b'));
    h.queue.submit(c, h.draw('c1'), true);
    // A new point for the urgent chart before its turn: still urgent, newest option.
    h.queue.submit(c, h.draw('c2'));
    h.frame();
    expect(h.drawn).toEqual(['c2']);
    h.queue.submit(b, h.draw('b2'), true);
    h.frame();
    h.frame();
    expect(h.drawn).toEqual(['c2', 'b2', 'a']);
  });

  it('goes on with the other charts in the next frame when a draw throws', () => {
    const h = harness(100, 1);
    h.queue.submit({}, () => {
      throw new Error('chart failed');
    });
    h.queue.submit({}, h.draw('b'));
    expect(() => h.frame()).toThrow('chart failed');
    h.frame();
    expect(h.drawn).toEqual(['b']);
  });
});
