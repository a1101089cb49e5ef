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
