// stream.js — the live event feed /v1/stream read with fetch (EventSource cannot send an
// Authorization header): Server-Sent Events parsed from the body, resumed with
// Last-Event-ID after a drop, reconnecting with a backoff from 1 s to 10 s.
import { authHeaders, languageHeaders } from './api.js';

const MIN_DELAY = 1000;
const MAX_DELAY = 10000;

// Parses SSE text incrementally; calls onFrame({id, event, data}) per dispatched frame
// and onComment() per comment line (the server's keep-alive).
export class SseParser {
  constructor(onFrame, onComment) {
    this.buffer = '';
    this.onFrame = onFrame;
    this.onComment = onComment || (() => {});
    this.reset();
  }
  reset() { this.id = null; this.event = ''; this.data = []; }
  push(chunk) {
    this.buffer += chunk;
    let m;
    while ((m = /\r\n|\r|\n/.exec(this.buffer))) {
      // A lone CR at the very end may be half of a CRLF: wait for the next chunk.
      if (m[0] === '\r' && m.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }
  line(line) {
    if (line === '') {
      if (this.data.length || this.id !== null) this.onFrame({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
      this.reset();
      return;
    }
    if (line.startsWith(':')) { this.onComment(line.slice(1).trim()); return; }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'id') this.id = value;
    else if (name === 'event') this.event = value;
    else if (name === 'data') this.data.push(value);
  }
}

// A self-reconnecting reader of /v1/stream.
//   onEvent(event)  the event's JSON (with seq)
//   onState({state, since, lastMessageAt, retryAt, error})  state: connecting | live | reconnecting
export class EventStream {
  constructor({ after = 0, onEvent, onState, url = '/v1/stream' }) {
    this.lastId = after > 0 ? String(after) : null;
    this.onEvent = onEvent;
    this.onState = onState;
    this.url = url;
    this.delay = MIN_DELAY;
    this.stopped = false;
    this.controller = null;
    this.timer = null;
    this.lastMessageAt = null;
    this.everConnected = false;
  }

  start() { this.stopped = false; this.connect(); }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
  }

  state(state, extra = {}) {
    if (this.onState) this.onState({ state, lastMessageAt: this.lastMessageAt, ...extra });
  }

  async connect() {
    if (this.stopped) return;
    this.state(this.everConnected ? 'reconnecting' : 'connecting');
    const controller = new AbortController();
    this.controller = controller;
    const auth = authHeaders();
    if (!auth.Authorization) {
      this.state('stopped', { error: { status: 401, code: 'unauthorized' } });
      return;
    }
    const headers = { Accept: 'text/event-stream', ...languageHeaders(), ...auth };
    if (this.lastId !== null) headers['Last-Event-ID'] = this.lastId;
    let error = null;
    try {
      const res = await fetch(this.url, { headers, signal: controller.signal, cache: 'no-store', credentials: 'omit' });
      if (!res.ok || !res.body) {
        let code = '';
        try { code = ((await res.json()).error || {}).code || ''; } catch { /* not JSON */ }
        const retry = Number(res.headers.get('Retry-After'));
        error = { status: res.status, code };
        if (res.status === 401 || res.status === 403) {
          this.state('stopped', { error });
          return;
        }
        if (retry > 0) this.delay = Math.min(MAX_DELAY, retry * 1000);
      } else {
        this.everConnected = true;
        this.delay = MIN_DELAY;
        this.lastMessageAt = Date.now();
        this.state('live');
        await this.read(res.body.getReader());
      }
    } catch (e) {
      if (this.stopped || (e && e.name === 'AbortError')) return;
      error = { status: 0, code: 'network' };
    }
    if (this.stopped) return;
    this.schedule(error);
  }

  async read(reader) {
    const decoder = new TextDecoder('utf-8');
    const parser = new SseParser(
      (frame) => {
        if (frame.id !== null && frame.id !== '') this.lastId = frame.id;
        this.lastMessageAt = Date.now();
        let event = null;
        try { event = JSON.parse(frame.data); } catch { event = null; }
        if (event && this.onEvent) this.onEvent(event);
        this.state('live');
      },
      () => { this.lastMessageAt = Date.now(); this.state('live'); },
    );
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
  }

  schedule(error) {
    const wait = this.delay;
    this.delay = Math.min(MAX_DELAY, this.delay * 2);
    this.state(this.everConnected ? 'reconnecting' : 'connecting', { retryAt: Date.now() + wait, error });
    this.timer = setTimeout(() => this.connect(), wait);
  }
}
