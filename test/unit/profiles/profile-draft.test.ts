import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../../../shared/profiles/profile';
import { checkDraft, copyId, draftFrom, draftFieldPaths } from '../../../shared/profiles/profile-draft';

const webinar = builtInProfiles[1]!;

describe('profile editor draft', () => {
  it('shows 17 fields and makes back the same profile when nothing changes', () => {
    expect(draftFieldPaths.length).toBe(2 + 3 + 12);
    const draft = draftFrom(webinar);
    expect(draft.fields['network.maxRttMs.warn']).toBe('300');
    expect(draft.fields['devices.camera.minHeight.warn']).toBe('720');
    expect(draft.equipment['presenter-headset']).toBe('required');
    expect(draft.equipment.speakerphone).toBe('');
    expect(checkDraft(webinar, draft)).toEqual({ profile: webinar, errors: {} });
  });

  it('applies typed limits and equipment, keeping the fields the form does not show', () => {
    const draft = draftFrom(webinar);
    draft.fields['network.maxRttMs.warn'] = ' 150 ';
    draft.fields['network.receiveStreams'] = '9';
    draft.equipment.speakerphone = 'recommended';
    draft.equipment['presenter-headset'] = '';
    const { profile } = checkDraft(webinar, draft);
    expect(profile?.network.maxRttMs).toEqual({ warn: 150, fail: 600 });
    expect(profile?.network.receiveStreams).toBe(9);
    expect(profile?.network.pingIntervalMs).toBe(20);
    expect(profile?.devices.microphone).toEqual(webinar.devices.microphone);
    expect(profile?.equipment.find((entry) => entry.item === 'speakerphone')).toEqual({ item: 'speakerphone', need: 'recommended' });
    expect(profile?.equipment.some((entry) => entry.item === 'presenter-headset')).toBe(false);
  });

  it('gives each bad field its message key and values', () => {
    const draft = draftFrom(webinar);
    draft.fields['name.ru'] = '  ';
    draft.fields['network.maxJitterMs.fail'] = '';
    draft.fields['network.maxLossPercent.warn'] = 'abc';
    draft.fields['network.receiveStreams'] = '2.5';
    draft.fields['devices.camera.minFps.fail'] = '50';
    draft.fields['network.maxRttMs.warn'] = '700';
    const { profile, errors } = checkDraft(webinar, draft);
    expect(profile).toBeNull();
    expect(errors).toEqual({
      'name.ru': { key: 'required' },
      'network.maxJitterMs.fail': { key: 'required' },
      'network.maxLossPercent.warn': { key: 'number' },
      'network.receiveStreams': { key: 'wholeNumber' },
      'network.maxRttMs.warn': { key: 'warnAboveFail', values: { fail: 600 } },
      'devices.camera.minFps.warn': { key: 'warnBelowFail', values: { fail: 50 } },
    });
  });

  it('reports the range a number must be in', () => {
    const draft = draftFrom(webinar);
    draft.fields['network.receiveStreams'] = '50';
    expect(checkDraft(webinar, draft).errors).toEqual({ 'network.receiveStreams': { key: 'atMost', values: { max: 49 } } });
    draft.fields['network.receiveStreams'] = '-1';
    expect(checkDraft(webinar, draft).errors).toEqual({ 'network.receiveStreams': { key: 'atLeast', values: { min: 0 } } });
  });

  it('finds a free id for a copy within 40 characters', () => {
    expect(copyId('webinar', ['webinar'])).toBe('webinar-copy');
    expect(copyId('webinar', ['webinar-copy', 'webinar-copy-2'])).toBe('webinar-copy-3');
    const long = 'a'.repeat(40);
    expect(copyId(long, [])).toBe(`${'a'.repeat(35)}-copy`);
  });
});
