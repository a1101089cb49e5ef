import { useTranslation } from 'react-i18next';

/** A section whose feature is not in this version yet: says what it will do. */
export function PlaceholderScreen(props: { titleKey: string; descriptionKey: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="placeholder-title">
      <h1 id="placeholder-title">{t(props.titleKey)}</h1>
      <p className="intro">{t(props.descriptionKey)}</p>
      <p className="empty">{t('placeholder.notYet')}</p>
    </section>
  );
}
