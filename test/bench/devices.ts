// Device preflight benchmark. Prints figures, then one JSON line:
// {"frameAnalysisFps":…,"devicePreflightSeconds":…,"meterHz":…,"longTasksOver50ms":…}
// 1. Frame analysis of 1280x720 frames on one core (Node), against a baseline measured in the
//    same run: one plain pass summing the same pixels (the least any analysis must do).
// 2. The whole device preflight through the CLI with Chromium's fake devices (median of 3).
// 3. The live meter's update rate and main-thread long tasks while the app runs the check.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { analyseFrame, lumaFromRgba, type LumaFrame } from '../../shared/analysis/video';
import { builtInProfiles } from '../../shared/profiles/profile';

const chromiumPath = process.env.ROOMREADY_CHROMIUM ?? '/usr/bin/chromium';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function syntheticFrame(width: number, height: number, seed: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  let state = seed;
  for (let i = 0; i < rgba.length; i += 4) {
    state = (state * 1664525 + 1013904223) >>> 0;
    const pixel = (i / 4) | 0;
    const base = ((pixel % width) >> 4) % 2 === ((pixel / width / 16) | 0) % 2 ? 180 : 60;
    const value = base + (state >>> 28);
    rgba[i] = value;
    rgba[i + 1] = value;
    rgba[i + 2] = value;
    rgba[i + 3] = 255;
  }
  return rgba;
}

function framesPerSecond(work: () => void, seconds = 2): number {
  for (let i = 0; i < 5; i++) work();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    work();
    count++;
  }
  return count / ((performance.now() - start) / 1000);
}

function benchFrameAnalysis() {
  const limits = builtInProfiles[0]!.devices.camera;
  const rgba = syntheticFrame(1280, 720, 7);
  const frame: LumaFrame = lumaFromRgba(rgba, 1280, 720);
  let sink = 0;
  const baseline = framesPerSecond(() => {
    let sum = 0;
    for (let i = 0; i < frame.luma.length; i++) sum += frame.luma[i]!;
    sink += sum;
  });
  const analysis = framesPerSecond(() => (sink += analyseFrame(frame, limits).meanLuma));
  const conversion = framesPerSecond(() => (sink += lumaFromRgba(rgba, 1280, 720).luma[0]!));
  if (sink === -1) console.log('');
  return { baseline, analysis, conversion };
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; ms: number }> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, ms: performance.now() - started })));
}

async function benchCliPreflight(dataDir: string) {
  await run(process.execPath, ['electron/cli/roomready.js', 'rooms', 'add', '--name', 'Bench room', '--data-dir', dataDir]);
  const durations: number[] = [];
  const walls: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await run(process.execPath, ['electron/cli/roomready.js', 'preflight', '--room', 'Bench room', '--json', '--fake-devices', '--chromium', chromiumPath, '--data-dir', dataDir]);
    const report = JSON.parse(result.stdout) as { durationMs: number };
    durations.push(report.durationMs);
    walls.push(result.ms);
  }
  return { preflightMs: median(durations), wallMs: median(walls) };
}

async function benchMeter(dataDir: string, noiseFile: string) {
  const host = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let output = '';
    host.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /open (\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
  });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Noise changes the level every block, so every meter update is visible in the DOM.
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${noiseFile}`],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${url}#/preflight`);
    await page.getByRole('combobox', { name: 'Room' }).waitFor();
    // Runs in the page (a string, as this script is type-checked for Node): counts meter
    // updates and main-thread long tasks from the click until the results appear.
    await page.evaluate(`(() => {
      const state = { updates: [], longTasks: [] };
      globalThis.benchState = state;
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) state.longTasks.push(entry.duration); })
        .observe({ type: 'longtask', buffered: false });
      new MutationObserver(() => state.updates.push(performance.now()))
        .observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value'] });
    })()`);
    await page.getByRole('button', { name: 'Check devices' }).click();
    await page.getByRole('heading', { name: /^Results:/ }).waitFor({ timeout: 60_000 });
    const state = await page.evaluate<{ updates: number[]; longTasks: number[] }>('globalThis.benchState');
    const span = (state.updates.at(-1)! - state.updates[0]!) / 1000;
    return { meterHz: state.updates.length / span, longTasks: state.longTasks.filter((duration) => duration > 50).length, longest: Math.max(0, ...state.longTasks) };
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
}

const frames = benchFrameAnalysis();
console.log(`frame analysis, 1280x720, one core: ${frames.analysis.toFixed(0)} frames/s (target >= 30); RGBA to luma ${frames.conversion.toFixed(0)} frames/s`);
console.log(`  baseline (one summing pass over the same pixels): ${frames.baseline.toFixed(0)} frames/s; analysis costs ${(frames.baseline / frames.analysis).toFixed(1)}x the baseline`);

const cliDir = mkdtempSync(join(tmpdir(), 'roomready-bench-'));
const cli = await benchCliPreflight(cliDir);
rmSync(cliDir, { recursive: true, force: true });
console.log(`device preflight (1 camera, 3 microphones, 3 speakers, loop; fake devices): median ${(cli.preflightMs / 1000).toFixed(1)} s of 3 (target <= 20 s); CLI wall time incl. Chromium start ${(cli.wallMs / 1000).toFixed(1)} s`);

const uiDir = mkdtempSync(join(tmpdir(), 'roomready-bench-'));
await run(process.execPath, ['electron/cli/roomready.js', 'rooms', 'add', '--name', 'Bench room', '--data-dir', uiDir]);
const noiseFile = join(uiDir, 'noise.wav');
await run('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', noiseFile, 'synth', '30', 'whitenoise', 'gain', '-30']);
const meter = await benchMeter(uiDir, noiseFile);
rmSync(uiDir, { recursive: true, force: true });
console.log(`live meter: ${meter.meterHz.toFixed(1)} updates/s (target >= 30); main-thread long tasks over 50 ms during the check: ${meter.longTasks} (longest ${meter.longest.toFixed(0)} ms)`);

console.log(
  JSON.stringify({
    frameAnalysisFps: Math.round(frames.analysis),
    devicePreflightSeconds: Math.round(cli.preflightMs / 100) / 10,
    meterHz: Math.round(meter.meterHz * 10) / 10,
    longTasksOver50ms: meter.longTasks,
  }),
);
