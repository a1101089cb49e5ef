import { describe, expect, it } from 'vitest';
import { monitorConfig, type StoredSample } from '../../../shared/live/live';
import { endAll, initialRuleState, openRules, stepRules, type ClosedIncident, type OpenedIncident, type RuleContext, type RuleState } from '../../../shared/live/rules';
import { live, limits, offAir, sample, second } from './samples';

interface Event {
  index: number;
  opened: OpenedIncident[];
  closed: ClosedIncident[];
}

/** Feeds the samples in order; returns the final state and every second that opened or closed something. */
function run(samples: readonly StoredSample[], context: RuleContext | ((index: number) => RuleContext) = live, start: RuleState = initialRuleState()) {
  let state = start;
  const events: Event[] = [];
  samples.forEach((entry, index) => {
    const result = stepRules(state, entry, typeof context === 'function' ? context(index) : context);
    state = result.state;
    if (result.opened.length || result.closed.length) events.push({ index, opened: result.opened, closed: result.closed });
  });
  return { state, events };
}

/** A sequence from a pattern: 'g' good, 'w' beyond warn, 'f' beyond fail, 'n' not measured; for one metric. */
function pattern(text: string, field: 'rttMs' | 'jitterMs' | 'lossPercent' | 'mos', values: { g: number; w: number; f: number }) {
  return [...text].map((char, index) => sample(index, { [field]: char === 'n' ? null : values[char as 'g' | 'w' | 'f'] }));
}

const rtt = { g: 100, w: 400, f: 700 };

describe('the figures the rules use', () => {
  it('are 3 of the last 5, recover after 5, mic 10 s, camera 5 s', () => {
    expect(monitorConfig.ruleWindow).toBe(5);
    expect(monitorConfig.ruleBeyond).toBe(3);
    expect(monitorConfig.recoverAfter).toBe(5);
    expect(monitorConfig.micSilentSeconds).toBe(10);
    expect(monitorConfig.cameraFrozenSeconds).toBe(5);
    expect(limits.maxRttMs).toEqual({ warn: 300, fail: 600 });
  });
});

describe('metric rules: 3 of the last 5 beyond the warn limit', () => {
  it('open exactly at the third bad second, not at the second', () => {
    const { events } = run(pattern('gwgwgw', 'rttMs', rtt));
    expect(events).toEqual([{ index: 5, opened: [expect.objectContaining({ rule: 'rtt-high', severity: 'warn', startedAt: second(5) })], closed: [] }]);
  });

  it('stay closed with bad seconds never 3 in any 5', () => {
    // w g g w g g w g g: at most 2 bad in any window of 5.
    const { events, state } = run(pattern('wggwggwggwgg', 'rttMs', rtt));
    expect(events).toEqual([]);
    expect(state.rules['rtt-high'].recent).toEqual(['within', 'within', 'warn', 'within', 'within']);
    expect(state.rules['rtt-high'].recent.filter((level) => level !== 'within')).toHaveLength(1);
  });

  it('open on bad seconds that drop out of the window only when 3 are inside it', () => {
    // w w g g g w: the first two have left the window by the sixth second.
    expect(run(pattern('wwgggw', 'rttMs', rtt)).events).toEqual([]);
    // w w g g w: three in the window of five.
    expect(run(pattern('wwggw', 'rttMs', rtt)).events.map((event) => event.index)).toEqual([4]);
  });

  it('snapshot the metrics of the second that opened the incident', () => {
    const { events } = run(pattern('www', 'rttMs', rtt));
    expect(events[0]!.opened[0]!.snapshot).toMatchObject({ at: second(2), rttMs: 400, jitterMs: 5, lossPercent: 0, mos: 4.4, linkUp: true, drill: false });
  });

  it('are critical when 3 of the 5 are beyond the fail limit, warn when fewer are', () => {
    expect(run(pattern('fff', 'rttMs', rtt)).events[0]!.opened[0]!.severity).toBe('critical');
    expect(run(pattern('ffw', 'rttMs', rtt)).events[0]!.opened[0]!.severity).toBe('warn');
    expect(run(pattern('fgfgf', 'rttMs', rtt)).events[0]!.opened[0]!.severity).toBe('critical');
  });

  it('keep the severity they opened with: a warn incident that gets worse is not escalated or reopened', () => {
    const { events, state } = run(pattern('wwwffffffff', 'rttMs', rtt));
    expect(events).toHaveLength(1);
    expect(events[0]!.opened).toEqual([expect.objectContaining({ rule: 'rtt-high', severity: 'warn', startedAt: second(2) })]);
    expect(openRules(state)).toEqual(['rtt-high']);
  });

  it('close after 5 good seconds in a row, ending at the first of them', () => {
    // Opens at 2; good from 3, but 5 breaks the run; good again 6..10 → closes at 10, ended at 6.
    const { events } = run(pattern('wwwggwggggggg', 'rttMs', rtt));
    expect(events.map((event) => [event.index, event.opened.map((o) => o.rule), event.closed])).toEqual([
      [2, ['rtt-high'], []],
      [10, [], [{ rule: 'rtt-high', endedAt: second(6) }]],
    ]);
    // Time to recover = back within limits − start: 6 s − 2 s.
    expect(second(6) - second(2)).toBe(4000);
  });

  it('need 3 new bad seconds to open again after closing', () => {
    const { events } = run(pattern('wwwgggggwwgw', 'rttMs', rtt));
    expect(events.map((event) => event.index)).toEqual([2, 7, 11]);
    expect(events[1]!.closed).toEqual([{ rule: 'rtt-high', endedAt: second(3) }]);
    expect(events[2]!.opened[0]!.startedAt).toBe(second(11));
  });

  it('skip unmeasured seconds: they neither fill the window nor break a recovery', () => {
    // w n w n n w: three bad among the measured seconds → opens at 5.
    expect(run(pattern('wnwnnw', 'rttMs', rtt)).events.map((event) => event.index)).toEqual([5]);
    // Nulls in the window do not count as good either: w w n n n n n w still opens.
    expect(run(pattern('wwnnnnnw', 'rttMs', rtt)).events.map((event) => event.index)).toEqual([7]);
    // Recovery g g n n g n g g: five good measured seconds, the first at 3.
    const { events } = run(pattern('wwwggnngngg', 'rttMs', rtt));
    expect(events[1]).toEqual({ index: 10, opened: [], closed: [{ rule: 'rtt-high', endedAt: second(3) }] });
  });

  it('judge jitter, loss and MOS against their own limits (above for jitter and loss, below for MOS)', () => {
    expect(run(pattern('www', 'jitterMs', { g: 30, w: 31, f: 61 })).events[0]!.opened[0]).toMatchObject({ rule: 'jitter-high', severity: 'warn' });
    // Exactly at the warn limit is within it.
    expect(run(pattern('ggggg', 'jitterMs', { g: 30, w: 31, f: 61 })).events).toEqual([]);
    expect(run(pattern('fff', 'lossPercent', { g: 1, w: 2, f: 5.5 })).events[0]!.opened[0]).toMatchObject({ rule: 'loss-high', severity: 'critical' });
    expect(run(pattern('ggg', 'lossPercent', { g: 1, w: 2, f: 5.5 })).events).toEqual([]);
    expect(run(pattern('www', 'mos', { g: 3.1, w: 3.0, f: 2.3 })).events[0]!.opened[0]).toMatchObject({ rule: 'mos-low', severity: 'warn' });
    expect(run(pattern('fff', 'mos', { g: 3.1, w: 3.0, f: 2.3 })).events[0]!.opened[0]).toMatchObject({ rule: 'mos-low', severity: 'critical' });
    expect(run(pattern('ggggg', 'mos', { g: 3.1, w: 3.0, f: 2.3 })).events).toEqual([]);
  });

  it('open one incident per rule, several rules at once', () => {
    const bad = (index: number) => sample(index, { rttMs: 700, lossPercent: 10, mos: 2 });
    const { events } = run([bad(0), bad(1), bad(2), bad(3)]);
    expect(events).toHaveLength(1);
    expect(events[0]!.opened.map((o) => [o.rule, o.severity])).toEqual([
      ['rtt-high', 'critical'],
      ['loss-high', 'critical'],
      ['mos-low', 'critical'],
    ]);
  });
});

describe('link-lost', () => {
  const down = (index: number, overrides: Partial<StoredSample> = {}) => sample(index, { linkUp: false, rttMs: null, jitterMs: null, mos: null, lossPercent: 100, ...overrides });

  it('opens at once, critical, and closes after 5 seconds up, ending at the first', () => {
    const samples = [sample(0), down(1), down(2), sample(3), down(4), sample(5), sample(6), sample(7), sample(8), sample(9)];
    const { events } = run(samples);
    expect(events).toEqual([
      { index: 1, opened: [expect.objectContaining({ rule: 'link-lost', severity: 'critical', startedAt: second(1) })], closed: [] },
      { index: 9, opened: [], closed: [{ rule: 'link-lost', endedAt: second(5) }] },
    ]);
  });

  it('ignores seconds when the network is not watched', () => {
    const { events, state } = run([sample(0, { linkUp: null }), sample(1, { linkUp: null })]);
    expect(events).toEqual([]);
    expect(openRules(state)).toEqual([]);
  });

  it('keeps the RTT and loss rules from opening while the link is down or its incident open', () => {
    // Link down 0–5 with 100 % loss, then up with loss still high in the trailing window for 4 s (the recovery).
    const samples = [...[0, 1, 2, 3, 4, 5].map((index) => down(index)), ...[6, 7, 8, 9].map((index) => sample(index, { lossPercent: 40, rttMs: 700 }))];
    const { events, state } = run(samples);
    expect(events.flatMap((event) => event.opened.map((o) => o.rule))).toEqual(['link-lost']);
    expect(openRules(state)).toEqual(['link-lost']);
    expect(state.rules['loss-high'].recent).toEqual([]);
  });

  it('lets the metric rules count afresh once the link incident has closed', () => {
    const samples = [down(0), ...[1, 2, 3, 4, 5].map((index) => sample(index)), ...[6, 7, 8].map((index) => sample(index, { lossPercent: 10 }))];
    const { events } = run(samples);
    expect(events.map((event) => [event.index, event.opened.map((o) => o.rule), event.closed.map((c) => c.rule)])).toEqual([
      [0, ['link-lost'], []],
      [5, [], ['link-lost']],
      [8, ['loss-high'], []],
    ]);
  });
});

describe('mic-silent', () => {
  const silent = (index: number) => sample(index, { micState: 'silent', micDbfs: -95 });

  it('opens after 10 silent seconds in a row during a live segment, warn', () => {
    const samples = Array.from({ length: 12 }, (_, index) => silent(index));
    const { events } = run(samples);
    expect(events).toEqual([{ index: 9, opened: [expect.objectContaining({ rule: 'mic-silent', severity: 'warn', startedAt: second(9) })], closed: [] }]);
  });

  it('does not open at 9 seconds, nor when a sound breaks the silence', () => {
    expect(run(Array.from({ length: 9 }, (_, index) => silent(index))).events).toEqual([]);
    const broken = Array.from({ length: 15 }, (_, index) => (index === 7 ? sample(index) : silent(index)));
    expect(run(broken).events.map((event) => event.index)).toEqual([]);
  });

  it('does not open outside a live segment, and counts only the live seconds in a row', () => {
    expect(run(Array.from({ length: 30 }, (_, index) => silent(index)), offAir).events).toEqual([]);
    // Live from second 5 on: the tenth live silent second is 14.
    const { events } = run(Array.from({ length: 20 }, (_, index) => silent(index)), (index) => (index >= 5 ? live : offAir));
    expect(events.map((event) => event.index)).toEqual([14]);
  });

  it('opens at once, critical, when the microphone is lost, live segment or not', () => {
    const { events } = run([sample(0), sample(1, { micState: 'lost', micDbfs: null })], offAir);
    expect(events).toEqual([{ index: 1, opened: [expect.objectContaining({ rule: 'mic-silent', severity: 'critical', startedAt: second(1) })], closed: [] }]);
  });

  it('closes after 5 seconds of sound, ending at the first', () => {
    const samples = [...Array.from({ length: 10 }, (_, index) => silent(index)), ...[10, 11, 12, 13, 14].map((index) => sample(index))];
    expect(run(samples).events[1]).toEqual({ index: 14, opened: [], closed: [{ rule: 'mic-silent', endedAt: second(10) }] });
  });

  it('skips seconds when the microphone is not watched', () => {
    // Silent at 0, 2, 3, 5, 6, 8, 9, 11, 12, 14: the tenth silent second is 14.
    const samples = Array.from({ length: 15 }, (_, index) => (index % 3 === 1 ? sample(index, { micState: null, micDbfs: null }) : silent(index)));
    const silentIndexes = samples.map((entry, index) => (entry.micState === 'silent' ? index : -1)).filter((index) => index >= 0);
    expect(silentIndexes).toHaveLength(10);
    expect(run(samples).events.map((event) => event.index)).toEqual([silentIndexes[9]]);
    expect(silentIndexes[9]).toBe(14);
  });
});

describe('camera rules', () => {
  it('camera-lost opens at once, critical, and closes once the camera is back for 5 s', () => {
    const samples = [sample(0, { cameraState: 'lost', fps: null }), ...[1, 2, 3, 4, 5].map((index) => sample(index))];
    expect(run(samples).events).toEqual([
      { index: 0, opened: [expect.objectContaining({ rule: 'camera-lost', severity: 'critical', startedAt: second(0) })], closed: [] },
      { index: 5, opened: [], closed: [{ rule: 'camera-lost', endedAt: second(1) }] },
    ]);
  });

  it('camera-frozen opens after 5 s frozen or black in a row, warn, not at 4', () => {
    const states = ['frozen', 'black', 'frozen', 'black'] as const;
    expect(run(states.map((cameraState, index) => sample(index, { cameraState, fps: 0 }))).events).toEqual([]);
    const five = [...states, 'frozen' as const].map((cameraState, index) => sample(index, { cameraState, fps: 0 }));
    expect(run(five).events).toEqual([{ index: 4, opened: [expect.objectContaining({ rule: 'camera-frozen', severity: 'warn', startedAt: second(4) })], closed: [] }]);
  });

  it('a lost camera breaks the frozen count and is its own incident', () => {
    const samples = [0, 1, 2].map((index) => sample(index, { cameraState: 'frozen' }));
    samples.push(sample(3, { cameraState: 'lost' }), ...[4, 5, 6, 7].map((index) => sample(index, { cameraState: 'frozen' as const })));
    const { events, state } = run(samples);
    expect(events.map((event) => [event.index, event.opened.map((o) => o.rule)])).toEqual([[3, ['camera-lost']]]);
    expect(state.rules['camera-frozen'].troubleSeconds).toBe(4);
  });
});

describe('replays, endAll and the state', () => {
  it('ignores a sample at or before the last one', () => {
    const first = stepRules(initialRuleState(), sample(5, { linkUp: false }), live);
    const again = stepRules(first.state, sample(5, { linkUp: false }), live);
    const older = stepRules(first.state, sample(4), live);
    expect(again).toEqual({ state: first.state, opened: [], closed: [] });
    expect(older.state).toBe(first.state);
  });

  it('endAll closes every open incident at the given time', () => {
    const samples = [0, 1, 2].map((index) => sample(index, { rttMs: 400, cameraState: 'lost' }));
    const { state } = run(samples);
    expect(openRules(state)).toEqual(['rtt-high', 'camera-lost']);
    expect(endAll(state, second(60))).toEqual([
      { rule: 'rtt-high', endedAt: second(60) },
      { rule: 'camera-lost', endedAt: second(60) },
    ]);
    expect(endAll(initialRuleState(), second(60))).toEqual([]);
  });

  it('is plain JSON that survives a round trip mid-incident', () => {
    const first = run([0, 1, 2].map((index) => sample(index, { rttMs: 400 })));
    const restored = JSON.parse(JSON.stringify(first.state)) as RuleState;
    expect(restored).toEqual(first.state);
    const rest = run([3, 4, 5, 6, 7].map((index) => sample(index)), live, restored);
    expect(rest.events).toEqual([{ index: 4, opened: [], closed: [{ rule: 'rtt-high', endedAt: second(3) }] }]);
  });
});
