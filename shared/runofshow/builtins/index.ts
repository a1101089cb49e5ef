import type { TemplateInput } from '../template';
import { builtInLanguages, localize, type TemplateSource } from './bilingual';
import { checklistSources } from './checklists';
import { playbookSources } from './playbooks';
import { runOfShowSources } from './runs-of-show';

const sources: readonly TemplateSource[] = [...checklistSources, ...runOfShowSources, ...playbookSources];

/**
 * The checklists, runs of show and Plan B playbooks RoomReady ships: every one in English and
 * in Russian (the Russian id is the English one with `-ru`), English first.
 */
export const builtInTemplates: readonly TemplateInput[] = builtInLanguages.flatMap((language) => sources.map((source) => localize(source, language)));
