import { useNavigation } from '../../app/navigation';
import { EventPage } from './EventPage';
import { EventsPanel } from './EventsPanel';
import './live.css';

/** The Live event section: the events, and one event's monitoring, incidents, drills, timeline and report. */
export function LiveScreen() {
  const [id] = useNavigation((state) => state.path);
  if (id && /^\d+$/.test(id)) return <EventPage key={id} eventId={Number(id)} />;
  return <EventsPanel />;
}
