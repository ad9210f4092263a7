import { useCallback, useEffect, useState } from 'react';
import type { AuditEventView } from '../../../../shared/ipc/views';
import { ErrorText } from '../../components/ErrorText';
import { api, call, messageOf } from '../../lib/api';
import { formatDateTimeSeconds } from '../../lib/format';
import { actionWords, actorWords, detailWords } from './audit-words';

const PAGE = 200;

export function AuditScreen() {
  const [events, setEvents] = useState<AuditEventView[]>([]);
  const [more, setMore] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (beforeId?: number) => {
    try {
      const page = await call(api().audit.list(beforeId ? { beforeId, limit: PAGE } : { limit: PAGE }));
      setEvents((e) => (beforeId ? [...e, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="audit-title">
      <header className="screen-head">
        <h1 id="audit-title">Audit log</h1>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </header>
      <p className="muted">Every reveal, print, export and order step, newest first. Entries cannot be changed or removed.</p>
      <ErrorText message={error} />
      <table className="table audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Subject</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{formatDateTimeSeconds(e.at)}</td>
              <td>{actorWords(e)}</td>
              <td title={e.recorded ?? e.action}>{actionWords(e)}</td>
              <td className="mono">{e.subject}</td>
              <td className="details">{detailWords(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && !error && <p className="empty">Nothing recorded yet.</p>}
      {more && events.length > 0 && (
        <button type="button" onClick={() => void load(events[events.length - 1]?.id)}>
          Show older entries
        </button>
      )}
    </section>
  );
}
