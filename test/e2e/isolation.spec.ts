import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requestNames } from '../../shared/api/contract';
import { expect, test } from './fixtures';
import { hostApi } from './host-api';

// What the renderer can reach, checked on the built app: the bundles electron-vite wrote to out/
// and the page the web host serves. (The Electron binary cannot run here; the preload's own
// behaviour is unit-tested in test/unit/electron/preload.test.ts.)

const rendererScripts = () => {
  const dir = 'out/renderer/assets';
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, source: readFileSync(join(dir, name), 'utf8') }));
};

test('the sandboxed preload loads only electron and exposes one object', () => {
  const preload = readFileSync('out/preload/index.cjs', 'utf8');
  const required = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  expect(required).toEqual(['electron']);
  expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
  expect(preload).not.toMatch(/sendSync|ipcRenderer\.send\(/);
});

test('the renderer bundles never load Node, Electron or ipcRenderer', () => {
  const scripts = rendererScripts();
  expect(scripts.length).toBeGreaterThan(3);
  for (const { name, source } of scripts) {
    expect(source, name).not.toMatch(/require\(\s*["'](electron|node:[a-z_]+|fs|child_process|os|path|net|http)["']\s*\)/);
    expect(source, name).not.toMatch(/from\s*["'](electron|node:[a-z_]+)["']/);
    expect(source, name).not.toContain('ipcRenderer');
  }
});

test('the page has no Node globals, no ipcRenderer and no bridge to fake', async ({ page, host }) => {
  await page.goto(host.openUrl);
  await expect(page.getByRole('navigation')).toBeVisible();
  const globals = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    return {
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
      ipcRenderer: typeof scope.ipcRenderer,
      electron: typeof scope.electron,
      roomready: typeof scope.roomready,
    };
  });
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    roomready: 'undefined',
  });
});

test('the web host refuses a malformed argument to every request and an unknown request', async ({ host }) => {
  const api = await hostApi(host.url);
  try {
    for (const name of requestNames) {
      await expect(api.call(name, 42), name).rejects.toThrow(/"code":"invalid_argument"/);
    }
    await expect(api.call('fs:read', { path: '/etc/passwd' })).rejects.toThrow(/"code":"unknown_request"/);
    // Still serving after all of that.
    expect(await api.call('rooms:list')).toEqual([]);
  } finally {
    api.close();
  }
});
