import type { ExportedFile } from '../../../../shared/assessment/assessment';
import { downloadBlob } from '../../app/download';

/** The bytes of a file the main process made: text as UTF-8, a PDF decoded from its base64. */
export function exportedFileBlob(file: ExportedFile): Blob {
  if (file.encoding === 'utf8') return new Blob([file.data], { type: `${file.mimeType};charset=utf-8` });
  const binary = atob(file.data);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: file.mimeType });
}

/** Saves a file the main process made under the name it chose. */
export function downloadExportedFile(file: ExportedFile): void {
  downloadBlob(file.fileName, exportedFileBlob(file));
}
