import { describe, expect, it } from 'vitest';
import {
  builtInProfiles,
  defaultProfileId,
  findProfile,
  neededKbps,
  networkLimitsSchema,
  profileSchema,
  resolutionLadder,
  videoLadder,
  type Profile,
} from '../../../shared/profiles/profile';

interface NamedBand {
  path: string;
  warn: number;
  fail: number;
}

/** Every warn/fail band in a profile's device limits, by dotted path. */
function bandsOf(devices: Profile['devices']): NamedBand[] {
  return Object.entries(devices).flatMap(([area, limits]) =>
    Object.entries(limits as Record<string, unknown>).flatMap(([name, value]) =>
      typeof value === 'object' && value !== null && 'warn' in value && 'fail' in value
        ? [{ path: `${area}.${name}`, warn: value.warn as number, fail: value.fail as number }]
        : [],
    ),
  );
}

function profile(id: string): Profile {
  const found = findProfile(id);
  if (!found) throw new Error(`No built-in profile "${id}".`);
  return found;
}

describe('built-in profiles', () => {
  it('ship the five event types, web meeting first', () => {
    expect(builtInProfiles.map((p) => p.id)).toEqual(['web-meeting', 'webinar', 'hybrid-seminar', 'multi-day-seminar', 'training']);
  });

  it('each parse with the profile schema unchanged', () => {
    for (const p of builtInProfiles) expect(profileSchema.parse(p), p.id).toEqual(p);
  });

  it('have unique ids and English and Russian names', () => {
    expect(new Set(builtInProfiles.map((p) => p.id)).size).toBe(builtInProfiles.length);
    for (const p of builtInProfiles) {
      expect(p.name.en.trim(), p.id).not.toBe('');
      expect(p.name.ru, p.id).toMatch(/[а-яё]/i);
    }
  });

  it('put every warn limit on the lenient side of its fail limit', () => {
    for (const p of builtInProfiles) {
      const bands = bandsOf(p.devices);
      // 4 microphone, 9 camera and 1 acoustic-loop bands: proves the walk found them all.
      expect(bands.length, p.id).toBe(14);
      for (const band of bands) {
        const name = band.path.split('.')[1] ?? '';
        if (name.startsWith('min')) expect(band.warn, `${p.id} ${band.path}`).toBeGreaterThanOrEqual(band.fail);
        else if (name.startsWith('max')) expect(band.warn, `${p.id} ${band.path}`).toBeLessThanOrEqual(band.fail);
        else throw new Error(`${p.id} ${band.path} is neither a min- nor a max-band, so its direction is unknown.`);
      }
    }
  });

  it('ask a webinar for at least the resolution and frame rate of a web meeting', () => {
    const meeting = profile('web-meeting').devices.camera;
    const webinar = profile('webinar').devices.camera;
    expect(webinar.minHeight.warn).toBeGreaterThanOrEqual(meeting.minHeight.warn);
    expect(webinar.minHeight.fail).toBeGreaterThanOrEqual(meeting.minHeight.fail);
    expect(webinar.minFps.warn).toBeGreaterThanOrEqual(meeting.minFps.warn);
    expect(webinar.minHeight).toEqual({ warn: 720, fail: 360 });
    expect(meeting.minHeight).toEqual({ warn: 360, fail: 240 });
  });

  it('need only heights the camera test asks for', () => {
    const heights = resolutionLadder.map((rung) => rung.height);
    for (const p of builtInProfiles) {
      expect(heights, p.id).toContain(p.devices.camera.minHeight.warn);
      expect(heights, p.id).toContain(p.devices.camera.minHeight.fail);
    }
  });

  it('keep the dead-input level below every speech limit', () => {
    for (const p of builtInProfiles) {
      const mic = p.devices.microphone;
      expect(mic.silentPeakDbfs, p.id).toBeLessThan(mic.minSpeechDbfs.fail);
    }
  });
});

describe('network limits of the built-in profiles', () => {
  it('send and receive the video of each event type', () => {
    const video = builtInProfiles.map((p) => [p.id, p.network.sendHeight, p.network.receiveHeight, p.network.receiveStreams]);
    expect(video).toEqual([
      ['web-meeting', 360, 360, 4],
      ['webinar', 720, 360, 1],
      ['hybrid-seminar', 720, 720, 2],
      ['multi-day-seminar', 1080, 720, 2],
      ['training', 720, 360, 4],
    ]);
  });

  it('use the reference bands: Daily’s RTT, Teams’ jitter and loss, the Vonage MOS bands', () => {
    for (const p of builtInProfiles) {
      expect(p.network.maxRttMs, p.id).toEqual({ warn: 300, fail: 600 });
      expect(p.network.maxJitterMs, p.id).toEqual({ warn: 30, fail: 60 });
      expect(p.network.maxLossPercent, p.id).toEqual({ warn: 1, fail: 5 });
      expect(p.network.minMos, p.id).toEqual({ warn: 3.1, fail: 2.4 });
      expect(p.network.pingIntervalMs, p.id).toBe(20);
      expect(p.network.throughputStreams, p.id).toBe(4);
    }
  });

  it('put every warn limit on the lenient side of its fail limit', () => {
    for (const p of builtInProfiles) {
      const bands = Object.entries(p.network).filter(([, value]) => typeof value === 'object');
      expect(bands.map(([name]) => name).sort(), p.id).toEqual(['maxJitterMs', 'maxLossPercent', 'maxRttMs', 'minMos']);
      for (const [name, band] of bands as [string, { warn: number; fail: number }][]) {
        if (name.startsWith('min')) expect(band.warn, `${p.id} ${name}`).toBeGreaterThan(band.fail);
        else expect(band.warn, `${p.id} ${name}`).toBeLessThan(band.fail);
      }
    }
  });

  it('measure for a bounded time: ping, both throughput directions with warm-up and the SFU call under 20 s', () => {
    for (const p of builtInProfiles) {
      const { pingDurationMs, throughputSeconds, throughputWarmupMs, sfuDurationMs } = p.network;
      expect(pingDurationMs + 2 * (throughputSeconds * 1000 + throughputWarmupMs) + sfuDurationMs, p.id).toBe(17_000);
    }
  });
});

describe('networkLimitsSchema', () => {
  const [first] = builtInProfiles;
  if (!first) throw new Error('No built-in profiles.');

  it('accepts only heights of the video ladder', () => {
    expect(networkLimitsSchema.safeParse({ ...first.network, sendHeight: 1080 }).success).toBe(true);
    expect(networkLimitsSchema.safeParse({ ...first.network, sendHeight: 180 }).success).toBe(true);
    expect(networkLimitsSchema.safeParse({ ...first.network, sendHeight: 540 }).success).toBe(false);
    expect(networkLimitsSchema.safeParse({ ...first.network, receiveHeight: 2160 }).success).toBe(false);
  });

  it('refuses a profile without network limits or with a broken band', () => {
    const withoutNetwork: Partial<Profile> = { ...first };
    delete withoutNetwork.network;
    expect(profileSchema.safeParse(withoutNetwork).success).toBe(false);
    expect(profileSchema.safeParse({ ...first, network: { ...first.network, maxRttMs: { warn: 300 } } }).success).toBe(false);
    expect(profileSchema.safeParse({ ...first, network: { ...first.network, throughputFailRatio: 1.5 } }).success).toBe(false);
  });
});

describe('videoLadder and neededKbps', () => {
  it('is Vonage’s ladder, largest first', () => {
    expect(videoLadder.map((rung) => [rung.height, rung.kbps])).toEqual([
      [1080, 4000],
      [720, 2500],
      [360, 500],
      [180, 150],
    ]);
  });

  it('needs the bitrate of the smallest rung at least as tall, and nothing for no video', () => {
    expect([1080, 720, 360, 180].map(neededKbps)).toEqual([4000, 2500, 500, 150]);
    expect(neededKbps(540)).toBe(2500);
    expect(neededKbps(240)).toBe(500);
    expect(neededKbps(90)).toBe(150);
    expect(neededKbps(0)).toBe(0);
    expect(() => neededKbps(1440)).toThrow(RangeError);
  });
});

describe('profileSchema', () => {
  const [first] = builtInProfiles;
  if (!first) throw new Error('No built-in profiles.');

  it('refuses an id that is not lower-case letters, digits and dashes', () => {
    expect(profileSchema.safeParse({ ...first, id: 'Web Meeting' }).success).toBe(false);
    expect(profileSchema.safeParse({ ...first, id: '' }).success).toBe(false);
  });

  it('refuses a profile with a band missing its fail limit', () => {
    const broken = structuredClone(first) as unknown as { devices: { camera: { minFps: unknown } } };
    broken.devices.camera.minFps = { warn: 15 };
    expect(profileSchema.safeParse(broken).success).toBe(false);
  });

  it('refuses a name without its Russian text', () => {
    expect(profileSchema.safeParse({ ...first, name: { en: 'Meeting', ru: '' } }).success).toBe(false);
  });
});

describe('findProfile', () => {
  it('finds a built-in profile by id and nothing for an unknown id', () => {
    expect(findProfile('webinar')?.name.en).toBe('Webinar (presenter)');
    expect(findProfile('no-such-profile')).toBeUndefined();
  });

  it('finds the default profile', () => {
    expect(findProfile(defaultProfileId)?.id).toBe('web-meeting');
  });
});

describe('resolutionLadder', () => {
  it('runs from 1080p down to 240p, largest first', () => {
    expect(resolutionLadder.map((rung) => `${rung.width}x${rung.height}`)).toEqual(['1920x1080', '1280x720', '960x540', '640x360', '320x240']);
  });
});
