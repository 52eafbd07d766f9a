import { describe, expect, it } from 'vitest';
import type { Change } from './changes';
import { DEFAULT_CHIME_INTERVAL_MS, initialChimeState, isChimeWorthy, judgeChime } from './chime';
import type { ChimeSettings } from './chime';

const T = 1_700_000_000_000;
const ON: ChimeSettings = { isEnabled: true, quietHours: null, minIntervalMs: DEFAULT_CHIME_INTERVAL_MS };
const NOON = 12 * 60;

let nextId = 1;
function change(patch: Partial<Change>): Change {
  return { id: nextId++, at: T, kind: 'slo-burning', entityId: 'x', name: 'X', from: 'none', to: 'page', ...patch };
}

describe('isChimeWorthy', () => {
  it('is true for an SLO entering page level and a sev1 opening or raised to sev1 only', () => {
    expect(isChimeWorthy(change({ kind: 'slo-burning', to: 'page' }))).toBe(true);
    expect(isChimeWorthy(change({ kind: 'slo-level', from: 'ticket', to: 'page' }))).toBe(true);
    expect(isChimeWorthy(change({ kind: 'slo-burning', to: 'ticket' }))).toBe(false);
    expect(isChimeWorthy(change({ kind: 'slo-level', from: 'page', to: 'ticket' }))).toBe(false);
    expect(isChimeWorthy(change({ kind: 'incident-opened', from: null, to: 'triggered', severity: 'sev1' }))).toBe(true);
    expect(isChimeWorthy(change({ kind: 'incident-opened', from: null, to: 'triggered', severity: 'sev2' }))).toBe(false);
    expect(isChimeWorthy(change({ kind: 'incident-severity', from: 'sev2', to: 'sev1', severity: 'sev1' }))).toBe(true);
    expect(isChimeWorthy(change({ kind: 'incident-status', from: 'triggered', to: 'identified', severity: 'sev1' }))).toBe(false);
    expect(isChimeWorthy(change({ kind: 'service-down', from: 'ok', to: 'down' }))).toBe(false);
  });
});

describe('judgeChime', () => {
  it('plays once for an event, and not again when the same changes are judged again', () => {
    const changes = [change({})];
    const first = judgeChime(initialChimeState, changes, T, NOON, ON);
    expect(first.shouldPlay).toBe(true);
    const again = judgeChime(first.state, changes, T + 120_000, NOON, ON);
    expect(again.shouldPlay).toBe(false);
    expect(again.state.played).toBe(1);
  });

  it('plays one chime for events that arrive together, and none within the interval', () => {
    const together = [change({}), change({ kind: 'incident-opened', severity: 'sev1', from: null, to: 'triggered' })];
    const first = judgeChime(initialChimeState, together, T, NOON, ON);
    expect(first).toMatchObject({ shouldPlay: true, state: { played: 1, silenced: 1 } });
    const soon = judgeChime(first.state, [...together, change({})], T + 59_999, NOON, ON);
    expect(soon).toMatchObject({ shouldPlay: false, state: { played: 1, silenced: 2 } });
    const later = judgeChime(soon.state, [change({})], T + 60_000, NOON, ON);
    expect(later).toMatchObject({ shouldPlay: true, state: { played: 2, lastChimeAt: T + 60_000 } });
  });

  it('stays silent when off, and in quiet hours, even across midnight; silenced events do not play later', () => {
    const event = [change({})];
    expect(judgeChime(initialChimeState, event, T, NOON, { ...ON, isEnabled: false }).shouldPlay).toBe(false);
    const night = { ...ON, quietHours: { from: '22:00', to: '07:00' } };
    const quiet = judgeChime(initialChimeState, event, T, 23 * 60, night);
    expect(quiet).toMatchObject({ shouldPlay: false, state: { silenced: 1 } });
    expect(judgeChime(initialChimeState, event, T, 6 * 60 + 59, night).shouldPlay).toBe(false);
    expect(judgeChime(initialChimeState, event, T, 7 * 60, night).shouldPlay).toBe(true);
    expect(judgeChime(quiet.state, event, T + 10 * 3_600_000, 9 * 60, night).shouldPlay).toBe(false);
  });

  it('ignores changes that call for no chime, and keeps the state when nothing is new', () => {
    const state = judgeChime(initialChimeState, [change({ kind: 'service-down', from: 'ok', to: 'down' })], T, NOON, ON);
    expect(state.shouldPlay).toBe(false);
    expect(state.state.silenced).toBe(0);
    expect(judgeChime(state.state, [], T, NOON, ON).state).toBe(state.state);
  });
});
