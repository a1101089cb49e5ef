import type { Stats } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher';

/** Decides, for a path relative to the project, whether one of the config's pattern lists takes it. */
export type PathTest = (relativePath: string) => boolean;

// electron-builder's filters read only isDirectory() and, for files inside node_modules, the
// path it records while copying a module (NodeModuleCopyHelper's moduleFullFilePath).
function fileStat(relativePath: string): Stats {
  return { isDirectory: () => false, moduleFullFilePath: relativePath } as unknown as Stats;
}

/**
 * electron-builder's own matcher for a pattern list (the FileMatcher and minimatch options it
 * builds when packing), applied to files: `asarUnpack` for what stays outside the archive,
 * `files` for what is copied from the project at all.
 */
export function builderPathTest(config: Configuration, list: 'asarUnpack' | 'files', projectDir: string): PathTest {
  const matchers = getFileMatchers(config, list, join(projectDir, 'app'), {
    macroExpander: (pattern) => pattern,
    customBuildOptions: {},
    globalOutDir: join(projectDir, config.directories?.output ?? 'dist'),
    defaultSrc: projectDir,
  });
  const filters = (matchers ?? []).map((matcher) => matcher.createFilter());
  return (relativePath) => filters.some((filter) => filter(join(projectDir, relativePath), fileStat(relativePath)));
}
