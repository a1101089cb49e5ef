import type { Template } from '../../../../shared/runofshow/template';

/** The file formats a template exports to, by file extension. */
export type TemplateFileFormat = 'json' | 'md';

/** The MIME type each template file format is downloaded as. */
export const templateMimeTypes: Record<TemplateFileFormat, string> = {
  json: 'application/json',
  md: 'text/markdown',
};

/** `<id>-v<version>.<format>`: one file per saved version, so exports never overwrite each other by name. */
export function templateFileName(template: Pick<Template, 'id' | 'version'>, format: TemplateFileFormat): string {
  return `${template.id}-v${template.version}.${format}`;
}

/** Saves `text` as a file through the browser's download, in the desktop app and web mode alike. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking within the click's task can cancel the download in some browsers before it has read the blob.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
