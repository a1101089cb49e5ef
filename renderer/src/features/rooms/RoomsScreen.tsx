import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Room } from '../../../../shared/rooms/room';
import { LoadError } from '../../ui/ApiErrorDetails';
import { ColumnHeaders } from '../../ui/ColumnHeaders';
import { RowActionButton } from '../../ui/RowActionButton';
import { RoomForm } from './RoomForm';
import { useRooms } from './store';

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; room: Room };

/** Lists rooms and lets a person add, edit and delete them. */
export function RoomsScreen() {
  const { t } = useTranslation();
  const rooms = useRooms((state) => state.rooms);
  const status = useRooms((state) => state.status);
  const error = useRooms((state) => state.error);
  const { load, create, update, remove } = useRooms.getState();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState('');

  useEffect(() => void load(), [load]);

  const onDelete = async (room: Room) => {
    if (!window.confirm(t('rooms.confirmDelete', { name: room.name }))) return;
    const result = await remove(room.id);
    setNotice(result.ok ? t('rooms.deleted', { name: room.name }) : t(`errors.${result.error.code}`));
  };

  const location = (room: Room) => [room.city, room.country].filter(Boolean).join(', ');

  return (
    <section aria-labelledby="rooms-title">
      <div className="screen-header">
        <h1 id="rooms-title">{t('rooms.title')}</h1>
        {editing.mode === 'closed' && (
          <button type="button" className="primary" onClick={() => setEditing({ mode: 'add' })}>
            {t('rooms.add')}
          </button>
        )}
      </div>
      <p className="intro">{t('rooms.intro')}</p>
      <p role="status" className="notice">
        {notice}
      </p>
      {editing.mode !== 'closed' && (
        <RoomForm
          key={editing.mode === 'edit' ? editing.room.id : 'new'}
          room={editing.mode === 'edit' ? editing.room : null}
          onSubmit={(input) => (editing.mode === 'edit' ? update(editing.room.id, input) : create(input))}
          onDone={(room) => {
            setEditing({ mode: 'closed' });
            setNotice(t('rooms.saved', { name: room.name }));
            void load();
          }}
          onCancel={() => setEditing({ mode: 'closed' })}
        />
      )}
      {status === 'loading' && <p>{t('rooms.loading')}</p>}
      <LoadError status={status} error={error} />
      {status === 'ready' && rooms.length === 0 && <p className="empty">{t('rooms.empty')}</p>}
      {rooms.length > 0 && (
        <table className="data-table">
          <ColumnHeaders
            labels={[t('rooms.columns.name'), t('rooms.columns.organisation'), t('rooms.columns.location'), t('rooms.columns.capacity'), t('rooms.columns.actions')]}
          />
          <tbody>
            {rooms.map((room) => (
              <tr key={room.id}>
                <th scope="row">{room.name}</th>
                <td>{room.organisation}</td>
                <td>{location(room)}</td>
                <td>{room.capacity === null ? '' : t('rooms.capacityValue', { count: room.capacity })}</td>
                <td className="row-actions">
                  <RowActionButton label={t('rooms.edit')} row={room.name} onClick={() => setEditing({ mode: 'edit', room })} />
                  <RowActionButton label={t('rooms.delete')} row={room.name} onClick={() => void onDelete(room)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
