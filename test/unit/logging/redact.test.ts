import { describe, expect, it } from 'vitest';
import { redactSecrets, redacted } from '../../../shared/logging/redact';

describe('redactSecrets', () => {
  it('takes user info out of URLs and keeps where they pointed', () => {
    expect(redactSecrets('GET https://alice:s3cret@updates.example.org/latest.yml failed')).toBe(`GET https://${redacted}@updates.example.org/latest.yml failed`);
    expect(redactSecrets('turn://room:hunter2@turn.example.org:443')).toBe(`turn://${redacted}@turn.example.org:443`);
  });

  it('blanks secret query parameters and keeps the others', () => {
    expect(redactSecrets('http://10.0.0.5:4790/signal?token=abc123&mode=ping')).toBe(`http://10.0.0.5:4790/signal?token=${redacted}&mode=ping`);
    expect(redactSecrets('https://feed.example/x?a=1&access_token=zz#top')).toBe(`https://feed.example/x?a=1&access_token=${redacted}#top`);
    expect(redactSecrets('https://feed.example/x?keyboard=1')).toBe('https://feed.example/x?keyboard=1');
  });

  it('blanks JSON fields named like secrets, quoted either way', () => {
    const line = JSON.stringify({ urls: 'turn:t.example', username: 'room', credential: 'p"w\\d', probeToken: 'tok' });
    const cleaned = redactSecrets(line);
    expect(cleaned).not.toMatch(/p\\"w|tok"/);
    expect(JSON.parse(cleaned)).toEqual({ urls: 'turn:t.example', username: 'room', credential: redacted, probeToken: redacted });
    expect(redactSecrets("{ password: 'x1' }")).toBe(`{ password: '${redacted}' }`);
  });

  it('blanks Authorization headers and secret command-line flags', () => {
    expect(redactSecrets('authorization: Bearer eyJhbGciOi.x.y')).toBe(`authorization: ${redacted}`);
    expect(redactSecrets('roomready preflight --turn-pass hunter2 --json')).toBe(`roomready preflight --turn-pass ${redacted} --json`);
    expect(redactSecrets('probe --token=T0K3N --port 4790')).toBe(`probe --token=${redacted} --port 4790`);
  });

  it('leaves a line without secrets exactly as it was', () => {
    const line = 'request rooms:list failed: Error: SQLITE_BUSY at /srv/roomready/db.ts:12:3 (room "Hall B", 40 seats)';
    expect(redactSecrets(line)).toBe(line);
  });
});
