import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where generated media lives: made on first use, never committed (y4m files are large). */
const dir = join(tmpdir(), 'roomready-e2e-media');

/** Audio fixtures (48 kHz mono 16-bit WAV) and how to make each with sox. */
const audio = {
  /** A −20 dBFS-peak 1 kHz sine: −23.0 dBFS RMS. */
  tone: ['-n', '-r', '48000', '-c', '1', '-b', '16', '{out}', 'synth', '12', 'sine', '1000', 'gain', '-20'],
  /** Digital silence: a muted input. */
  silence: ['-n', '-r', '48000', '-c', '1', '-b', '16', '{out}', 'trim', '0', '12'],
  /** A sine driven 6 dB past full scale: hard clipping. */
  clipped: ['-n', '-r', '48000', '-c', '1', '-b', '16', '{out}', 'synth', '12', 'sine', '1000', 'gain', '6'],
} as const;

/** Video fixtures (640x480 y4m) and the ffmpeg lavfi source of each. */
const video = {
  /** A moving, textured test scene: a normal picture. */
  scene: 'testsrc2=s=640x480:r=30:d=3',
  /** Uniform 0x404040: luma exactly 64. */
  gray: 'color=c=0x404040:s=640x480:r=30:d=3',
  /** Luma about 24 with sensor-like noise: too dark, but neither black nor frozen. */
  dark: 'color=c=0x181818:s=640x480:r=30:d=3,noise=alls=6:allf=t',
  /** Luma about 240 with sensor-like noise: overexposed. */
  bright: 'color=c=0xF0F0F0:s=640x480:r=30:d=3,noise=alls=6:allf=t',
  /** One frame of the test scene, repeated: a frozen picture. */
  still: 'testsrc2=s=640x480:r=30:d=3,trim=end_frame=1,loop=loop=89:size=1:start=0',
} as const;

/**
 * Makes a fixture once per definition: the name carries a hash of the command, so a changed
 * definition never reuses a stale file, and the file appears whole (renamed into place) even
 * when two test workers make it at the same time.
 */
function generated(name: string, extension: string, tool: string, args: (out: string) => string[]): string {
  const hash = createHash('sha256').update(tool).update(args('{out}').join(' ')).digest('hex').slice(0, 10);
  const out = join(dir, `${name}-${hash}.${extension}`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    const partial = join(dir, `${name}-${hash}.${process.pid}.partial.${extension}`);
    execFileSync(tool, args(partial), { stdio: 'ignore' });
    renameSync(partial, out);
  }
  return out;
}

/** The path of a generated WAV fixture. */
export function audioFixture(name: keyof typeof audio): string {
  return generated(name, 'wav', 'sox', (out) => audio[name].map((arg) => (arg === '{out}' ? out : arg)));
}

/** The path of a generated y4m fixture. */
export function videoFixture(name: keyof typeof video): string {
  return generated(name, 'y4m', 'ffmpeg', (out) => ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', video[name], '-pix_fmt', 'yuv420p', out]);
}
