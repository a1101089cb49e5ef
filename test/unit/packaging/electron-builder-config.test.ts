import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { Packager, type Configuration } from 'app-builder-lib';
import { AppInfo } from 'app-builder-lib/out/appInfo';
import { LinuxPackager } from 'app-builder-lib/out/linuxPackager';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { builderPathTest } from './builder-patterns';
import { nativeModuleFiles, productionPackageDirs } from './production-tree';
import { updaterCacheDirName } from './stand-in-app';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url)).replace(/[\\/]$/, '');
const configFile = join(projectDir, 'electron-builder.yml');

function loadConfig(): Configuration {
  return yaml.load(readFileSync(configFile, 'utf8')) as Configuration;
}

function readPackageJson(): { main: string; build?: unknown } {
  return JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { main: string; build?: unknown };
}

/** The target names a platform section builds, whichever of electron-builder's spellings it uses. */
function targetNames(section: { target?: unknown } | null | undefined): string[] {
  const target = section?.target;
  const entries = Array.isArray(target) ? target : target == null ? [] : [target];
  return entries.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

function validate(config: Configuration): Promise<void> {
  // The validator fills defaults in place (ajv coerces types): keep the loaded object pristine.
  return validateConfiguration(structuredClone(config), new DebugLogger(false));
}

// Build output, dependencies and test output are not part of the project's own files.
const notProjectFiles = new Set(['.git', 'node_modules', 'out', 'dist', 'test-results', 'playwright-report']);

function projectFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (dir === projectDir && notProjectFiles.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(projectDir, path).split(sep).join('/'));
    }
  };
  walk(projectDir);
  return files;
}

let shippedNativeFiles: string[] | null = null;

function nativeFilesShipped(): string[] {
  shippedNativeFiles ??= nativeModuleFiles(projectDir, productionPackageDirs(projectDir));
  return shippedNativeFiles;
}

function uncoveredNativeFiles(config: Configuration): string[] {
  const unpacked = builderPathTest(config, 'asarUnpack', projectDir);
  return nativeFilesShipped().filter((file) => !unpacked(file));
}

// Compiling electron-builder's schema (ajv, on first validation) takes seconds on a busy machine.
describe('electron-builder.yml', { timeout: 30_000 }, () => {
  it('passes electron-builder’s own schema validation, which refuses a misspelt key', async () => {
    const config = loadConfig();
    await expect(validate(config)).resolves.toBeUndefined();
    const { asarUnpack, ...rest } = config;
    await expect(validate({ ...rest, asarUnpak: asarUnpack } as Configuration)).rejects.toThrow(/unknown property 'asarUnpak'/);
    await expect(validate({ ...config, linux: { ...config.linux, maintaner: 'x' } } as Configuration)).rejects.toThrow(/configuration\.linux/);
  });

  it('is the configuration electron-builder loads, with nothing in package.json overriding it', async () => {
    expect(readPackageJson().build).toBeUndefined();
    const loaded = await getConfig(projectDir, null, null);
    const config = loadConfig();
    expect(loaded.asarUnpack).toEqual(config.asarUnpack);
    expect(loaded.publish).toEqual(config.publish);
    expect(loaded.linux).toEqual(config.linux);
    expect(loaded.directories).toEqual(config.directories);
  });

  it('passes the checks electron-builder runs before building, the deb target’s included', async () => {
    const packager = new Packager({ projectDir });
    await packager.validateConfig();
    packager._appInfo = new AppInfo(packager, null);
    const linux = new LinuxPackager(packager);
    const deb = new FpmTarget('deb', linux, new LinuxTargetHelper(linux), join(projectDir, 'dist'));
    try {
      // Without a homepage or a maintainer's email, this is where `npm run dist` stops for deb.
      const meta = (await deb.checkOptions()) as { maintainer: string; url: string };
      expect(meta.url).toMatch(/^https:\/\//);
      expect(meta.maintainer).toMatch(/<[^@\s>]+@[^@\s>]+>/);
    } finally {
      // The target writes its install scripts into the packager's temp folder as it is made.
      await (deb as unknown as { scriptFiles: Promise<unknown> }).scriptFiles;
      await packager.tempDirManager.cleanup();
    }
  });

  it('has its own icon, which electron-builder finds and turns into the Linux icon set', async () => {
    const png = readFileSync(join(projectDir, loadConfig().directories!.buildResources!, 'icon.png'));
    // PNG signature, then IHDR: 1024 × 1024, 8 bits per channel, RGBA (colour type 6).
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([1024, 1024, 8, 6]);
    const packager = new Packager({ projectDir });
    await packager.validateConfig();
    packager._appInfo = new AppInfo(packager, null);
    const linux = new LinuxPackager(packager);
    const converted = join(projectDir, 'dist', '.icon-set');
    try {
      // What the AppImage and deb targets ask for: found in assets/, not Electron's default.
      const icons = await linux.resolveIcon([], [], 'set');
      expect(icons.map(({ file, size }) => ({ file: relative(projectDir, file), size }))).toEqual([{ file: join('assets', 'icon.png'), size: 1024 }]);
    } finally {
      rmSync(converted, { recursive: true, force: true });
      await packager.tempDirManager.cleanup();
    }
  });

  it('builds NSIS for Windows, dmg and zip for macOS, AppImage and deb for Linux', () => {
    const config = loadConfig();
    expect(targetNames(config.win)).toEqual(['nsis']);
    // The zip is not for people: electron-updater on macOS installs updates only from a zip.
    expect(targetNames(config.mac)).toEqual(['dmg', 'zip']);
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('ships the built app and package.json, and no sources, tests or build config', () => {
    const config = loadConfig();
    const ships = builderPathTest(config, 'files', projectDir);
    const { main } = readPackageJson();
    for (const built of [main, 'out/preload/index.cjs', 'out/renderer/index.html', 'out/main/web.js']) expect(ships(built), built).toBe(true);
    expect(ships('package.json')).toBe(true);

    const shipped = projectFiles().filter(ships);
    expect(shipped).toEqual(['package.json']);
    // The walk really saw the sources, so the empty result above means something.
    const seen = projectFiles();
    for (const source of ['electron/main/index.ts', 'shared/api/contract.ts', 'electron-builder.yml', 'test/unit/packaging/electron-builder-config.test.ts']) {
      expect(seen).toContain(source);
    }
  });

  it('keeps every native module the app ships outside the asar archive', () => {
    const native = nativeFilesShipped();
    expect(native).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(native).toContain('node_modules/better-sqlite3/binding.gyp');
    expect(uncoveredNativeFiles(loadConfig())).toEqual([]);
  });

  it('would catch a native module left inside the archive', () => {
    const config = loadConfig();
    const missed = uncoveredNativeFiles({ ...config, asarUnpack: ['node_modules/some-other-module/**'] });
    expect(missed).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(missed).toContain('node_modules/better-sqlite3/binding.gyp');
    const withoutUnpack = { ...config };
    delete withoutUnpack.asarUnpack;
    expect(uncoveredNativeFiles(withoutUnpack)).toEqual(nativeFilesShipped());
  });

  it('publishes update metadata for a generic feed, its address taken from ROOMREADY_UPDATE_URL', async () => {
    const config = loadConfig();
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.ROOMREADY_UPDATE_URL}' });

    const packager = new Packager({ projectDir });
    await packager.validateConfig();
    const appInfo = new AppInfo(packager, null);
    const url = (config.publish as { url: string }).url;
    const saved = process.env.ROOMREADY_UPDATE_URL;
    try {
      delete process.env.ROOMREADY_UPDATE_URL;
      expect(() => expandMacro(url, null, appInfo)).toThrow(/env ROOMREADY_UPDATE_URL is not defined/);
      process.env.ROOMREADY_UPDATE_URL = 'https://updates.example.org/roomready/';
      expect(expandMacro(url, null, appInfo)).toBe('https://updates.example.org/roomready/');
    } finally {
      if (saved === undefined) delete process.env.ROOMREADY_UPDATE_URL;
      else process.env.ROOMREADY_UPDATE_URL = saved;
    }
    // app-update.yml names the download cache after the package; the feed test uses the same.
    expect(appInfo.updaterCacheDirName).toBe(updaterCacheDirName);
  });
});
