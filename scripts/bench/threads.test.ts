import { describe, expect, it } from 'vitest';
import { formatGroupShares, parseTaskStat, threadGroup } from './threads';

// A renderer's compositor thread as Linux 6 writes it: utime 250 and stime 50 ticks.
const COMPOSITOR = '4112 (Compositor) S 4089 4070 4070 0 -1 1077936192 1520 0 0 0 250 50 0 0 20 0 17 0 99 0';

describe('parseTaskStat', () => {
  it('adds user and system time in seconds', () => {
    expect(parseTaskStat(COMPOSITOR, 100)).toEqual({ name: 'Compositor', seconds: 3 });
  });

  it('keeps a name with spaces and parentheses whole', () => {
    const line = '7 (Web Content (x)) R 1 1 1 0 -1 0 0 0 0 0 7 3 0 0';
    expect(parseTaskStat(line, 10)).toEqual({ name: 'Web Content (x)', seconds: 1 });
  });

  it('returns null for what is not a stat line', () => {
    expect(parseTaskStat('', 100)).toBeNull();
    expect(parseTaskStat('12 (x) S 1 2', 100)).toBeNull();
  });
});

describe('threadGroup', () => {
  it('names the parts of a renderer', () => {
    expect(threadGroup('chromium', 'chromium')).toBe('main');
    expect(threadGroup('CrRendererMain', 'chrome')).toBe('main');
    expect(threadGroup('ThreadPoolForeg', 'chromium')).toBe('raster and V8 workers');
    expect(threadGroup('Compositor', 'chromium')).toBe('compositor');
    expect(threadGroup('Chrome_ChildIOT', 'chromium')).toBe('other');
  });
});

describe('formatGroupShares', () => {
  it('gives each part its share of one core', () => {
    const before = { main: 1, 'raster and V8 workers': 0.5, compositor: 0.2, other: 0 };
    const after = { main: 1.3, 'raster and V8 workers': 0.65, compositor: 0.26, other: 0.03 };
    expect(formatGroupShares(before, after, 30)).toBe('main 1.0%, raster and V8 workers 0.5%, compositor 0.2%, other 0.1%');
  });

  it('says so when there was nothing to read', () => {
    expect(formatGroupShares(null, null, 30)).toBe('n/a (no /proc)');
  });
});
