import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What the installers copy into node_modules: `dependencies`, and only what the Node processes
// (main, web host, CLI, probe) load at run time. The renderer's packages are bundled into its
// code by Vite, so they are devDependencies and ship only as part of that bundle.

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

/** Packages imported (statically, dynamically or by require) by the files under these folders. */
function importedPackages(dirs: string[]): Set<string> {
  const found = new Set<string>();
  const specifier = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"./][^'"]*)['"]/g;
  for (const file of dirs.flatMap(sources)) {
    for (const match of readFileSync(file, 'utf8').matchAll(specifier)) {
      const name = match[1]!;
      if (name.startsWith('node:')) continue;
      found.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!);
    }
  }
  return found;
}

describe('shipped dependencies', () => {
  const nodeSide = importedPackages(['electron', 'shared']);
  const renderer = importedPackages(['renderer/src']);

  it('are each loaded by the Node processes', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => !nodeSide.has(name))).toEqual([]);
  });

  it('cover every package the Node processes load, but electron itself', () => {
    const builtins = new Set(['electron']);
    expect([...nodeSide].filter((name) => !builtins.has(name) && !(name in manifest.dependencies)).sort()).toEqual([]);
  });

  it('leave the renderer-only packages to the bundle', () => {
    const rendererOnly = [...renderer].filter((name) => !nodeSide.has(name));
    expect(rendererOnly.length).toBeGreaterThan(5);
    for (const name of rendererOnly) expect(manifest.devDependencies, name).toHaveProperty(name);
  });
});
