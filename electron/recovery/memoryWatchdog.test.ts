import { describe, expect, it } from 'vitest';
import { MemoryWatchdog } from './memoryWatchdog';

const mb = (n: number) => ({ workingSetSize: n * 1024 });

describe('MemoryWatchdog', () => {
  const metrics = [
    { pid: 100, type: 'Browser', memory: mb(5_000) },
    { pid: 201, type: 'Tab', memory: mb(300) },
    { pid: 202, type: 'Tab', memory: mb(1_500) },
    { pid: 300, type: 'GPU', memory: mb(4_000) },
  ];
  const windows = [
    { id: 1, pid: 201 },
    { id: 2, pid: 202 },
    { id: 3, pid: undefined },
  ];

  it('picks the window whose own renderer is over the limit, not other processes', () => {
    expect(new MemoryWatchdog(1_024).check(metrics, windows, 0)).toEqual([{ id: 2, workingSetMb: 1_500 }]);
  });

  it('leaves a window alone during the cool-down after its reload, then checks it again', () => {
    const watchdog = new MemoryWatchdog(1_024, 300_000);
    expect(watchdog.check(metrics, windows, 0)).toHaveLength(1);
    expect(watchdog.check(metrics, windows, 299_999)).toEqual([]);
    expect(watchdog.check(metrics, windows, 300_000)).toEqual([{ id: 2, workingSetMb: 1_500 }]);
  });

  it('treats exactly the limit as within it and forgets closed windows', () => {
    const watchdog = new MemoryWatchdog(1_500, 300_000);
    expect(watchdog.check(metrics, windows, 0)).toEqual([]);
    const over = new MemoryWatchdog(1_000, 300_000);
    over.check(metrics, windows, 0);
    over.forget(2);
    expect(over.check(metrics, windows, 1)).toEqual([{ id: 2, workingSetMb: 1_500 }]);
  });
});
