import type { IncidentRule } from '../../../../shared/live/live';

/** A Plan B playbook as the incident banner needs it. */
export interface PlaybookChoice {
  id: string;
  name: string;
  language: string;
  triggers: readonly string[];
}

/**
 * The playbooks whose triggers include `rule`, in the language on screen when there are any
 * (under stress a person reads their own language first), otherwise in every language.
 */
export function playbooksForRule(rule: IncidentRule, playbooks: readonly PlaybookChoice[], language: string): PlaybookChoice[] {
  const matching = playbooks.filter((playbook) => playbook.triggers.includes(rule));
  const inLanguage = matching.filter((playbook) => playbook.language === language);
  return inLanguage.length > 0 ? inLanguage : matching;
}
