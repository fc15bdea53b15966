// router.js — client-side routes under /console/ over the History API.
import { html, useEffect, useState } from './vendor/preact-htm.js';

export const BASE = '/console';
const listeners = new Set();

export function currentLocation() {
  let p = location.pathname;
  if (p.startsWith(BASE)) p = p.slice(BASE.length);
  if (p === '') p = '/';
  return { path: p, query: new URLSearchParams(location.search) };
}

// Goes to a console path ("/inbox?x=1"); replace keeps the history entry.
export function navigate(to, { replace = false } = {}) {
  const url = BASE + (to.startsWith('/') ? to : '/' + to);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const fn of listeners) fn();
}

window.addEventListener('popstate', () => { for (const fn of listeners) fn(); });

export function useLocation() {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const fn = () => setLoc(currentLocation());
    listeners.add(fn);
    return () => listeners.delete(fn);
  }, []);
  return loc;
}

// Matches a path against the console's routes.
export function matchRoute(path) {
  const parts = path.split('/').filter(Boolean).map((s) => {
    try { return decodeURIComponent(s); } catch { return s; }
  });
  if (parts.length === 0) return { name: 'home' };
  const simple = ['sign-in', 'month', 'submit', 'inbox', 'tokens', 'audit', 'feed'];
  if (parts.length === 1 && simple.includes(parts[0])) return { name: parts[0] };
  if (parts.length === 4 && parts[0] === 'reports') {
    return { name: 'report', department: parts[1], kind: parts[2], month: parts[3] };
  }
  return { name: 'not-found' };
}

// A link inside the console: a real href (opens in a new tab too), navigation in place.
export function Link({ to, children, ...rest }) {
  const onClick = (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return html`<a href=${BASE + to} onClick=${onClick} ...${rest}>${children}</a>`;
}
