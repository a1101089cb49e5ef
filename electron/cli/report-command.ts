import { accessSync, constants, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { reportFormats, type Assessment, type ExportedFile, type ReportFormat } from '../../shared/assessment/assessment';
import type { PreflightRun } from '../../shared/preflight/run';
import type { Room } from '../../shared/rooms/room';
import { languages, type Language } from '../../shared/settings/settings';
import { EnvironmentError, findChromium } from '../services/chromium';
import { createChromiumReportPrinter, noReportPrinter } from '../services/report-printer';
import { openCliApi, type CliApi } from './cli-api';
import { UsageError } from './usage-error';

/** The room a `--room` argument names: its id, or its name in any letter case. */
export function findRoom(rooms: readonly Room[], argument: string): Room {
  const folded = argument.normalize('NFC').toLowerCase();
  const room =
    rooms.find((candidate) => String(candidate.id) === argument) ??
    rooms.find((candidate) => candidate.name.normalize('NFC').toLowerCase() === folded);
  if (!room) throw new UsageError(`No room "${argument}". List rooms with: roomready rooms list.`);
  return room;
}

/** Refuses an output path before any work is done, when its folder cannot take the file. */
export function checkWritable(out: string): void {
  const folder = dirname(resolve(out));
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, constants.W_OK);
  } catch {
    throw new EnvironmentError(`Cannot write ${out}: the folder ${folder} does not exist or is not writable. Choose another --out.`);
  }
  try {
    if (statSync(out).isDirectory()) throw new EnvironmentError(`Cannot write ${out}: it is a folder. Give a file name with --out.`);
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
  }
}

/** Writes `data` to `out` whole or not at all: a temp file beside it, then a rename. */
export function writeAtomically(out: string, data: string | Uint8Array): void {
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new EnvironmentError(`Cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Choose another --out.`);
  }
}

/** The bytes an exported file holds. */
export function fileBytes(file: ExportedFile): Uint8Array {
  return file.encoding === 'base64' ? Buffer.from(file.data, 'base64') : Buffer.from(file.data, 'utf8');
}

/**
 * The assessment a report is made from: the room's latest, unless a preflight run finished
 * after it; then (or when the room has none) a new one, with the latest answers carried over.
 */
async function assessmentForReport(api: CliApi, room: Room): Promise<{ assessment: Assessment; created: boolean }> {
  const [latest] = await api.call<Assessment[]>('assessments:list', { roomId: room.id });
  const [latestRun] = await api.call<PreflightRun[]>('preflight:list', { roomId: room.id, limit: 1 });
  if (latest && !(latestRun && latestRun.finishedAt > latest.assessedAt)) return { assessment: latest, created: false };
  const assessment = await api.call<Assessment>('assessments:create', {
    roomId: room.id,
    assessor: latest?.assessor ?? '',
    answers: latest?.answers ?? {},
  });
  if (latest && latestRun) {
    console.error(`roomready: preflight run ${latestRun.id} is newer than the latest assessment; made a new assessment with the same answers.`);
  } else console.error(`roomready: ${room.name} had no assessment; made one (the questionnaire unanswered; answer it in the app for a full report).`);
  return { assessment, created: true };
}

/** `report --room R --format pdf|html|json|csv --out FILE [--lang en|ru] [--json]`. */
export async function reportCommand(options: {
  dataDir: string;
  room: string | undefined;
  format: string;
  out: string | undefined;
  language: string;
  json: boolean;
  chromium: string | undefined;
}): Promise<number> {
  if (options.room === undefined) throw new UsageError('report needs --room with a room id or name (see: roomready rooms list).');
  if (options.out === undefined) throw new UsageError('report needs --out FILE.');
  if (!(reportFormats as readonly string[]).includes(options.format)) throw new UsageError(`--format must be one of: ${reportFormats.join(', ')}.`);
  if (!(languages as readonly string[]).includes(options.language)) throw new UsageError(`--lang must be one of: ${languages.join(', ')}.`);
  const format = options.format as ReportFormat;
  checkWritable(options.out);

  // Found before anything is assessed, so a machine without Chromium fails at once and changes nothing.
  const printer = format === 'pdf' ? createChromiumReportPrinter({ chromiumPath: findChromium(options.chromium) }) : null;
  const api = openCliApi(options.dataDir, { printer: printer ?? noReportPrinter });
  try {
    const room = findRoom(await api.call<Room[]>('rooms:list'), options.room);
    const { assessment, created } = await assessmentForReport(api, room);
    const file = await api.call<ExportedFile>('reports:export', { uid: assessment.uid, format, language: options.language as Language });
    const bytes = fileBytes(file);
    writeAtomically(options.out, bytes);
    const path = resolve(options.out);
    if (!options.json) console.log(path);
    else {
      console.log(
        JSON.stringify({
          file: path,
          format,
          language: options.language,
          bytes: bytes.byteLength,
          room: { id: room.id, uid: room.uid, name: room.name },
          assessment: { uid: assessment.uid, assessedAt: new Date(assessment.assessedAt).toISOString(), created, runId: assessment.run?.id ?? null },
          overall: assessment.result.overall,
          scores: Object.fromEntries(assessment.result.scores.map((score) => [score.area, score.score])),
        }),
      );
    }
    return 0;
  } finally {
    api.close();
    await printer?.close();
  }
}
