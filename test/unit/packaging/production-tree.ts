import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';

const manifestSchema = z.object({
  name: z.string(),
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  peerDependenciesMeta: z.record(z.string(), z.object({ optional: z.boolean().optional() })).optional(),
});

type Manifest = z.infer<typeof manifestSchema>;

function readManifest(packageDir: string): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')));
}

/** Where Node's require finds `name` from inside `fromDir`: the nearest node_modules, up to the project. */
function resolvePackageDir(projectDir: string, name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (!dir.endsWith(`${sep}node_modules`) && existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectDir || dir === dirname(dir)) return null;
  }
}

/**
 * Every package directory the app ships: package.json "dependencies" and, transitively, their
 * dependencies, installed optional dependencies and peers. A required package that is missing
 * throws, so a broken install cannot pass as "no native code".
 */
export function productionPackageDirs(projectDir: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolvePackageDir(projectDir, name, fromDir);
    if (dir === null) {
      if (optional) return;
      throw new Error(`${name}, needed by ${relative(projectDir, fromDir) || 'package.json'}, is not installed`);
    }
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = readManifest(dir);
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
    for (const dep of Object.keys(manifest.peerDependencies ?? {})) visit(dep, dir, manifest.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const dep of Object.keys(readManifest(projectDir).dependencies ?? {})) visit(dep, projectDir, false);
  return [...seen].sort();
}

function isNativeFile(fileName: string): boolean {
  return fileName.endsWith('.node') || fileName === 'binding.gyp';
}

/** Native code in the given packages: every `*.node` binary and `binding.gyp`, relative to the project. */
export function nativeModuleFiles(projectDir: string, packageDirs: readonly string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // A nested node_modules holds packages of their own, visited (or not shipped) as such.
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
      else if (entry.isFile() && isNativeFile(entry.name)) found.push(relative(projectDir, path).split(sep).join('/'));
    }
  };
  for (const dir of packageDirs) walk(dir);
  return found.sort();
}
