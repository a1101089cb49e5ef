import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BundleImportSummary, ExportedFile } from '../../shared/assessment/assessment';
import { parseBundle } from '../../shared/assessment/bundle';
import type { Room } from '../../shared/rooms/room';
import { openCliApi } from './cli-api';
import { messageFormatter } from './messages';
import { checkWritable, fileBytes, findRoom, writeAtomically } from './report-command';
import { UsageError } from './usage-error';

/** `bundle export --room R... --out FILE` and `bundle import FILE`, on the app's handlers. */
export async function bundleCommand(
  verb: string | undefined,
  operands: readonly string[],
  argv: readonly string[],
  options: { dataDir: string; json: boolean },
): Promise<number> {
  if (verb === 'export') return exportBundle(argv, options);
  if (verb === 'import') return importBundle(operands[0], options);
  throw new UsageError(`Unknown command "bundle ${verb ?? ''}". Use bundle export or bundle import.`);
}

async function exportBundle(argv: readonly string[], options: { dataDir: string; json: boolean }): Promise<number> {
  // Parsed again here: the common options take one --room, a bundle takes several.
  const { values } = parseArgs({ args: [...argv], options: { room: { type: 'string', multiple: true }, out: { type: 'string' } }, strict: false, allowPositionals: true });
  const roomArgs = (values.room ?? []).filter((value): value is string => typeof value === 'string');
  const out = typeof values.out === 'string' ? values.out : undefined;
  if (roomArgs.length === 0) throw new UsageError('bundle export needs at least one --room with a room id or name.');
  if (out === undefined) throw new UsageError('bundle export needs --out FILE.');
  checkWritable(out);
  const api = openCliApi(options.dataDir);
  try {
    const rooms = await api.call<Room[]>('rooms:list');
    const chosen = roomArgs.map((argument) => findRoom(rooms, argument));
    const file = await api.call<ExportedFile>('bundles:export', { roomIds: chosen.map((room) => room.id) });
    writeAtomically(out, fileBytes(file));
    console.log(options.json ? JSON.stringify({ file: resolve(out), rooms: chosen.map((room) => room.name) }) : resolve(out));
    return 0;
  } finally {
    api.close();
  }
}

async function importBundle(file: string | undefined, options: { dataDir: string; json: boolean }): Promise<number> {
  if (file === undefined) throw new UsageError('bundle import needs a FILE.');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  // Checked here first so each problem prints on its own line, as `templates import` does.
  const parsed = parseBundle(text);
  if (!parsed.ok) throw new UsageError(parsed.problems.map((problem) => `${file}: ${problem.message}`).join('\n'));
  const api = openCliApi(options.dataDir);
  let summary: BundleImportSummary;
  try {
    summary = await api.call<BundleImportSummary>('bundles:import', { text });
  } finally {
    api.close();
  }
  if (options.json) {
    console.log(JSON.stringify(summary));
    return 0;
  }
  const format = await messageFormatter('en');
  console.log(
    `Imported ${file}: ${summary.roomsAdded} room(s) added, ${summary.roomsMatched} matched; ` +
      `${summary.assessmentsAdded} assessment(s) added, ${summary.assessmentsUnchanged} unchanged, ${summary.conflicts.length} conflict(s).`,
  );
  for (const conflict of summary.conflicts) console.log(`  conflict (${conflict.kind} ${conflict.uid}): ${format(conflict.message)}`);
  return 0;
}
