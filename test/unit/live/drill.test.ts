import { describe, expect, it } from 'vitest';
import { applyDrill, drillLossPercent, drillRule } from '../../../shared/live/drill';
import { drillKinds } from '../../../shared/live/live';
import { initialRuleState, stepRules, type RuleState } from '../../../shared/live/rules';
import { estimateMos } from '../../../shared/network/mos';
import { live, sample } from './samples';

describe('applyDrill', () => {
  it('link-down: no network figures and the link down', () => {
    expect(applyDrill('link-down', sample(0))).toEqual({ ...sample(0), rttMs: null, jitterMs: null, lossPercent: null, mos: null, linkUp: false, drill: true });
  });

  it('heavy-loss: 30 % loss and the MOS of the real RTT and jitter at that loss', () => {
    const drilled = applyDrill('heavy-loss', sample(0, { rttMs: 40, jitterMs: 5 }));
    expect(drillLossPercent).toBe(30);
    expect(drilled.lossPercent).toBe(30);
    // eL = 40 + 2·5 + 10 = 60 → R = 94.768 − 1.5 − 2.5·30 = 18.268 → MOS = 1.2032.
    expect(drilled.mos).toBeCloseTo(1.2032, 4);
    expect(drilled.mos).toBe(estimateMos({ rttMs: 40, jitterMs: 5, lossPercent: 30 }));
    expect(applyDrill('heavy-loss', sample(0, { rttMs: 100, jitterMs: 10 })).mos).toBeCloseTo(1.1584, 4);
    expect(drilled).toMatchObject({ rttMs: 40, jitterMs: 5, linkUp: true, micState: 'ok', cameraState: 'ok', drill: true });
  });

  it('heavy-loss: no MOS when RTT or jitter was not measured', () => {
    expect(applyDrill('heavy-loss', sample(0, { rttMs: null })).mos).toBeNull();
    expect(applyDrill('heavy-loss', sample(0, { jitterMs: null })).mos).toBeNull();
  });

  it('mic-lost and camera-frozen change only their device', () => {
    expect(applyDrill('mic-lost', sample(0))).toEqual({ ...sample(0), micState: 'lost', micDbfs: null, drill: true });
    expect(applyDrill('camera-frozen', sample(0))).toEqual({ ...sample(0), cameraState: 'frozen', fps: 0, drill: true });
  });

  it('leaves the real sample untouched', () => {
    const real = sample(0);
    applyDrill('link-down', real);
    expect(real).toEqual(sample(0));
  });
});

describe('drillRule', () => {
  it('names the rule each drill trips', () => {
    expect(Object.fromEntries(drillKinds.map((kind) => [kind, drillRule(kind)]))).toEqual({
      'link-down': 'link-lost',
      'heavy-loss': 'loss-high',
      'mic-lost': 'mic-silent',
      'camera-frozen': 'camera-frozen',
    });
  });

  it('each drill, fed to the rules, opens that rule’s incident (within 5 s)', () => {
    for (const kind of drillKinds) {
      let state: RuleState = initialRuleState();
      const opened: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        const result = stepRules(state, applyDrill(kind, sample(index)), live);
        state = result.state;
        opened.push(...result.opened.map((incident) => incident.rule));
      }
      expect(opened, kind).toContain(drillRule(kind));
    }
  });
});
