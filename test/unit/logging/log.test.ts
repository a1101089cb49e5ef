import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError, logLine } from '../../../electron/services/log';

describe('the log sink', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one line to stderr with the credentials taken out', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    logLine(`Update failed: ${describeError(new Error('GET https://ops:hunter2@feed.example/latest.yml?token=t0k3n 404'))}`);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^Update failed: Error: GET https:\/\/\[redacted\]@feed\.example\/latest\.yml\?token=\[redacted\] 404\n/);
    expect(written.join('')).not.toMatch(/hunter2|t0k3n/);
  });

  it('describes errors by their stack, and anything else as text', () => {
    const error = new Error('boom');
    expect(describeError(error)).toBe(error.stack);
    expect(describeError('plain')).toBe('plain');
  });
});
