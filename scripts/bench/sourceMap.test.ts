import { describe, expect, it } from 'vitest';
import { createLookup, decodeVlq } from './sourceMap';

describe('decodeVlq', () => {
  it('reads signed base64 VLQ numbers', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CADE')).toEqual([1, 0, -1, 2]);
    // 16 needs a continuation digit.
    expect(decodeVlq('gB')).toEqual([16]);
  });
});

describe('createLookup', () => {
  it('maps a generated position to the last segment at or before it, with relative fields summed', () => {
    // Line 0: col 0 -> a.ts:0 name 0; col 10 -> b.ts:4 name 1. Line 1: col 2 -> b.ts:6.
    const lookup = createLookup({ sources: ['a.ts', 'b.ts'], names: ['sortAll', 'render'], mappings: 'AAAAA,UCIAC;EAEA' });
    expect(lookup(0, 5)).toEqual({ source: 'a.ts', line: 0, name: 'sortAll' });
    expect(lookup(0, 10)).toEqual({ source: 'b.ts', line: 4, name: 'render' });
    expect(lookup(0, 400)).toEqual({ source: 'b.ts', line: 4, name: 'render' });
    expect(lookup(1, 3)).toEqual({ source: 'b.ts', line: 6, name: null });
    expect(lookup(1, 0)).toBeNull();
    expect(lookup(7, 0)).toBeNull();
  });
});
