import type { Message } from '../../shared/preflight/check';
import { createTranslator } from '../../shared/i18n/translator';
import type { Language } from '../../shared/settings/settings';

/** Words results for the terminal in the chosen language, from the app's own translations. */
export async function messageFormatter(language: Language): Promise<(message: Message) => string> {
  const translate = createTranslator(language);
  return (message) => translate(message.key, message.values ?? {});
}
