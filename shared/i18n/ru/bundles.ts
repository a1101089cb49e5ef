import type { Translation } from '../en';

/** Russian strings of the bundles section. */
export const bundlesRu: Translation['bundles'] = {
  conflicts: {
    room: 'В пакете помещение «{{name}}» описано иначе (как «{{offered}}»); описание, хранящееся здесь, не изменено.',
    assessment: 'В пакете другая версия оценки помещения «{{room}}» от {{date}}; оценка, хранящаяся здесь, не изменена.',
  },
};
