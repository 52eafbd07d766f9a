import { describe, expect, it } from 'vitest';
import { addClockSample, feedNow, isEntityStale, judgeConnection, noClockOffset } from './freshness';
import type { ConnectionFacts } from './freshness';

const base: ConnectionFacts = { socket: 'connected', lastMessageAt: 10_000, connectedAt: 0, isSynced: true, now: 20_000, staleAfterMs: 15_000 };

describe('judgeConnection', () => {
  it('is live while messages arrive within the limit, stale after', () => {
    expect(judgeConnection(base)).toBe('live');
    expect(judgeConnection({ ...base, now: 24_999 })).toBe('live');
    expect(judgeConnection({ ...base, now: 25_000 })).toBe('stale');
  });

  it('counts silence from the connection before the first message', () => {
    expect(judgeConnection({ ...base, lastMessageAt: null, connectedAt: 10_000 })).toBe('live');
    expect(judgeConnection({ ...base, lastMessageAt: null, connectedAt: 1_000 })).toBe('stale');
  });

  it('is offline whenever the socket is not connected, refused above all', () => {
    expect(judgeConnection({ ...base, socket: 'disconnected' })).toBe('offline');
    expect(judgeConnection({ ...base, socket: 'connecting' })).toBe('offline');
    expect(judgeConnection({ ...base, socket: 'refused', now: 99_999 })).toBe('refused');
  });

  it('is syncing while connected and heard from but not yet showing this connection’s snapshot; silence still turns it stale', () => {
    expect(judgeConnection({ ...base, isSynced: false })).toBe('syncing');
    expect(judgeConnection({ ...base, isSynced: false, lastMessageAt: null, connectedAt: 19_000 })).toBe('syncing');
    expect(judgeConnection({ ...base, isSynced: false, now: 25_000 })).toBe('stale');
    expect(judgeConnection({ ...base, isSynced: false, socket: 'disconnected' })).toBe('offline');
  });
});

describe('clock offset', () => {
  it('takes the median of recent samples, so one late message does not move it', () => {
    let offset = noClockOffset;
    for (const delay of [5, 6, 4, 900, 5]) offset = addClockSample(offset, 1_000_000 - delay, 1_000_000 - 60_000);
    // The feed runs about a minute ahead; one message waited 900 ms.
    expect(offset.offsetMs).toBe(60_000 - 5);
    expect(feedNow(0, offset)).toBe(59_995);
  });

  it('keeps a bounded number of samples and follows a clock that jumps', () => {
    let offset = noClockOffset;
    for (let i = 0; i < 20; i += 1) offset = addClockSample(offset, 0, 0);
    expect(offset.samples).toHaveLength(9);
    for (let i = 0; i < 5; i += 1) offset = addClockSample(offset, 3_600_000, 0);
    expect(offset.offsetMs).toBe(3_600_000);
  });
});

describe('entity staleness', () => {
  it('is judged on the feed clock, strictly older than the limit', () => {
    expect(isEntityStale(0, 300_000, 300_000)).toBe(false);
    expect(isEntityStale(0, 300_001, 300_000)).toBe(true);
  });
});
