// Startup benchmark: time from starting the web host to the first interactive screen in
// headless Chromium (median of 5 cold starts), and the renderer's JavaScript size gzipped.
// Run after a build (`npm run bench:startup` builds first). Ends with one JSON line.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const runs = 5;
const chromiumPath = process.env.ROOMREADY_CHROMIUM ?? '/usr/bin/chromium';

function startHost(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['out/main/web.js', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /open (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], started });
    });
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const interactive = [];
const hostReady = [];
for (let run = 0; run < runs; run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'roomready-bench-'));
  const { child, url, started } = await startHost(dataDir);
  hostReady.push(performance.now() - started);
  const page = await browser.newPage();
  await page.goto(url);
  // Interactive: the rooms screen has loaded its data and its main button can be used.
  await page.getByRole('button', { name: 'Add room' }).waitFor();
  await page.getByText('No rooms yet').waitFor();
  interactive.push(performance.now() - started);
  await page.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
await browser.close();

const assets = join('out', 'renderer', 'assets');
const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
const rawKb = scripts.reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0) / 1024;
const gzipKb = scripts.reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).length, 0) / 1024;

console.log(`host ready (process start to listening): median ${median(hostReady).toFixed(0)} ms of ${runs}`);
console.log(`interactive (process start to usable rooms screen): median ${median(interactive).toFixed(0)} ms of ${runs} [${interactive.map((v) => v.toFixed(0)).join(', ')}]; target < 1000 ms`);
console.log(`renderer JS: ${rawKb.toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzipped; target < 300 KB`);
console.log(JSON.stringify({ interactiveMs: Math.round(median(interactive)), rendererGzipKb: Math.round(gzipKb * 10) / 10 }));
