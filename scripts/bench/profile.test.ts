import { describe, expect, it } from 'vitest';
import { busyStretches, formatAllocations, formatSelfTimes, formatStretches, topAllocations, topSelfTime } from './profile';
import type { AllocationProfile, CpuProfile } from './profile';

const frame = (functionName: string, url = 'http://x/assets/index.js', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('topSelfTime', () => {
  it('sums the time to the next sample per function, merging call paths, largest first', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('sortServices', 'http://x/assets/index.js', 9) },
        { id: 3, callFrame: frame('render') },
        // The same function reached by another path.
        { id: 4, callFrame: frame('sortServices', 'http://x/assets/index.js', 9) },
      ],
      samples: [2, 3, 4, 2, 1],
      timeDeltas: [0, 3_000, 1_000, 2_000, 4_000],
    };
    const top = topSelfTime(profile);
    expect(top.map((t) => [t.name, t.ms])).toEqual([
      ['sortServices', 9],
      ['render', 1],
      ['(root)', 0],
    ]);
    expect(top[0]?.where).toBe('index.js:10');
    expect(top[0]?.share).toBeCloseTo(0.9);
    expect(formatSelfTimes(top.slice(0, 1))).toBe('      9 ms  90.0%  sortServices  index.js:10');
  });

  it('names minified functions by their original place when it can', () => {
    const profile: CpuProfile = { nodes: [{ id: 1, callFrame: frame('xK', 'http://x/assets/index.js', 69) }, { id: 2, callFrame: frame('yK', 'http://x/assets/index.js', 3) }], samples: [1, 2], timeDeltas: [0, 2_000, 1_000] };
    const top = topSelfTime(profile, 5, (_url, line) => (line === 69 ? { where: 'renderer/wall/useWallModel.ts:40', name: 'groupServices' } : null));
    expect(top.map((t) => `${t.name} ${t.where}`)).toEqual(['groupServices renderer/wall/useWallModel.ts:40', 'yK index.js:4']);
  });

  it('keeps only the asked number and copes with an empty profile', () => {
    expect(topSelfTime({ nodes: [] })).toEqual([]);
    const profile: CpuProfile = { nodes: [1, 2, 3].map((id) => ({ id, callFrame: frame(`f${id}`) })), samples: [1, 2, 3], timeDeltas: [0, 1_000, 1_000] };
    expect(topSelfTime(profile, 1)).toHaveLength(1);
  });
});

describe('busyStretches', () => {
  // root → flush → applyBatch, root → flush → render, root → (idle)
  const nodes: CpuProfile['nodes'] = [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
    { id: 2, callFrame: frame('flush'), children: [3, 4] },
    { id: 3, callFrame: frame('applyBatch') },
    { id: 4, callFrame: frame('render') },
    { id: 5, callFrame: frame('(idle)', '') },
  ];

  it('finds runs of busy samples at least as long as asked and counts each function on the stack once per sample', () => {
    // idle, then 60 ms busy (flush→applyBatch ×2, flush→render ×1), idle, 20 ms busy, idle.
    const profile: CpuProfile = { nodes, samples: [5, 3, 3, 4, 5, 4, 5], timeDeltas: [0, 1_000, 20_000, 20_000, 20_000, 1_000, 20_000, 1_000] };
    const stretches = busyStretches(profile, 50);
    expect(stretches).toHaveLength(1);
    expect(stretches[0]!.ms).toBe(60);
    expect(stretches[0]!.inclusive.map((f) => [f.name, f.ms])).toEqual([
      ['flush', 60],
      ['applyBatch', 40],
      ['render', 20],
    ]);
    expect(formatStretches(stretches).split('\n')[0]).toBe('    60 ms busy:');
  });

  it('lists the longest stretches first and none when the thread never stayed busy that long', () => {
    const profile: CpuProfile = { nodes, samples: [3, 5, 4, 4, 5], timeDeltas: [0, 60_000, 1_000, 40_000, 40_000, 1_000] };
    expect(busyStretches(profile, 50).map((s) => s.ms)).toEqual([80, 60]);
    expect(busyStretches(profile, 100)).toEqual([]);
  });
});

describe('topAllocations', () => {
  it('sums the bytes each function allocated across call paths, largest first', () => {
    type Node = AllocationProfile['head'];
    const node = (functionName: string, selfSize: number, children: Node[] = []): Node => ({ callFrame: frame(functionName, 'http://x/assets/index.js', functionName.length), selfSize, children });
    const profile = { head: node('(root)', 0, [node('patch', 3_000_000, [node('Map', 1_000_000)]), node('render', 1_000_000, [node('patch', 1_000_000)])]) };
    const top = topAllocations(profile);
    expect(top.map((t) => [t.name, t.mb])).toEqual([
      ['patch', 4],
      ['render', 1],
      ['Map', 1],
    ]);
    expect(top[0]!.share).toBeCloseTo(4 / 6);
    expect(formatAllocations(top.slice(0, 1))).toBe('    4.0 MB  66.7%  patch  index.js:6');
  });
});
