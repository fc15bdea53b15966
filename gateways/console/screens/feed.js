// screens/feed.js — administrators and readers: the live event feed over /v1/stream,
// newest first, with an honest status: live, reconnecting, and how long since the
// server was last heard from.
import { html, useEffect, useRef, useState } from '../vendor/preact-htm.js';
import { t, tOf } from '../i18n.js';
import { get } from '../api.js';
import { secondsSince } from '../format.js';
import { EventStream } from '../stream.js';
import { ErrorBox, Screen, Time, useTick } from '../components.js';

const CAP = 200;
const BACKLOG = 50;

function Status({ status }) {
  useTick(1000);
  const { state, lastMessageAt, retryAt } = status;
  const ago = lastMessageAt ? secondsSince(lastMessageAt) : null;
  const retryIn = retryAt ? Math.max(0, Math.ceil((retryAt - Date.now()) / 1000)) : null;
  return html`<p class="feed-status" data-test="feed-status" data-state=${state}>
    <span class=${'dot ' + state} aria-hidden="true"></span>
    <strong role="status">${tOf('feed.state_', state)}</strong>
    ${ago !== null ? html`<span>${t('feed.updated', { n: ago })}</span>` : null}
    ${state !== 'live' && retryIn !== null ? html`<span class="muted">${t('feed.retry_in', { n: retryIn })}</span>` : null}
  </p>`;
}

export function Feed() {
  const [events, setEvents] = useState([]);
  const [status, setStatus] = useState({ state: 'connecting', lastMessageAt: null });
  const [error, setError] = useState(null);
  const stream = useRef(null);

  useEffect(() => {
    let stopped = false;
    (async () => {
      // Start a little before the end of the log, so the feed is not empty at first.
      let after = 0;
      try {
        const health = await get('/v1/health', { anonymous: true });
        if (health && typeof health.last_seq === 'number') after = Math.max(0, health.last_seq - BACKLOG);
      } catch { /* the stream itself will report */ }
      if (stopped) return;
      const s = new EventStream({
        after,
        onEvent: (e) => setEvents((list) => (list.length && list[0].seq >= e.seq ? list : [e, ...list].slice(0, CAP))),
        onState: (st) => {
          setStatus(st);
          if (st.state === 'stopped' && st.error) {
            setError({ code: st.error.code || (st.error.status === 403 ? 'forbidden' : 'unauthorized'), status: st.error.status });
          } else if (st.state === 'live') setError(null);
        },
      });
      stream.current = s;
      s.start();
    })();
    return () => { stopped = true; if (stream.current) stream.current.stop(); };
  }, []);

  return html`<${Screen} name="feed" busy=${status.state === 'connecting'} title=${t('feed.title')}>
    <div class="toolbar">
      <${Status} status=${status} />
      <p class="muted">${t('feed.cap', { n: CAP })}</p>
      ${events.length ? html`<button type="button" onClick=${() => setEvents([])}>${t('feed.clear')}</button>` : null}
    </div>
    <${ErrorBox} error=${error} />
    ${events.length === 0 ? html`<p class="empty">${t('feed.empty')}</p>` : null}
    <ol class="feed" data-test="feed-list" aria-label=${t('feed.list_label')}>
      ${events.map((e) => html`<li data-seq=${e.seq} data-type=${e.type} key=${e.seq}>
        <div class="feed-head">
          <span class="seq" data-raw>${'#' + e.seq}</span>
          <code data-raw>${e.type}</code>
          <${Time} value=${e.time} seconds />
        </div>
        <div class="feed-body">
          <span data-raw class="wrap">${e.stream}</span>
          <span class="muted">${t('feed.by')}</span>${e.origin && e.origin.person
            ? html`<span data-raw>${e.origin.person}</span> ` : null}<code data-raw>${e.actor}</code>
        </div>
      </li>`)}
    </ol>
  </${Screen}>`;
}
