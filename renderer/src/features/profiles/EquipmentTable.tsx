import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { equipmentTable } from '../../../../shared/profiles/equipment';
import type { Profile } from '../../../../shared/profiles/profile';
import { LoadError } from '../../ui/ApiErrorDetails';
import { useProfileList } from './store';
import { SpokenAs } from '../../ui/SpokenAs';

/**
 * The ideal equipment by event type: one row per item, one column per profile. Without
 * `profiles` it shows every profile the API lists, and follows their changes.
 */
export function EquipmentTable(props: { profiles?: readonly Profile[] }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const own = props.profiles === undefined;
  const { entries, status, error: loadError } = useProfileList(own);

  const profiles = props.profiles ?? entries.map((entry) => entry.profile);
  const rows = equipmentTable(profiles);
  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t('profiles.equipmentTitle')}</h2>
      <p className="intro">{t('profiles.equipmentIntro')}</p>
      {own && <LoadError status={status} error={loadError} />}
      {rows.length === 0 ? (
        (!own || status === 'ready') && <p className="empty">{t('profiles.equipmentEmpty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('profiles.columns.item')}</th>
              {profiles.map((profile) => (
                <th scope="col" key={profile.id}>
                  {profile.name[language]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.item}>
                <th scope="row">{t(`profiles.equipment.${row.item}`)}</th>
                {row.needs.map((need, index) => (
                  <td key={profiles[index]?.id ?? index}>{need ? t(`profiles.needs.${need}`) : <SpokenAs spoken={t('profiles.needs.none')}>—</SpokenAs>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
