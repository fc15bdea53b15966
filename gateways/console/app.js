// app.js — the console's shell: sign-in state, header (who, language, theme, sign out),
// navigation by role, and the client-side routes under /console/.
import { html, render, useEffect, useRef, useState } from './vendor/preact-htm.js';
import { detectLang, lang, LANGS, setLang, t, tOf } from './i18n.js';
import { clearToken, get, getToken, setUnauthorizedHandler } from './api.js';
import { setZone } from './format.js';
import { Link, matchRoute, navigate, useLocation } from './router.js';
import { homeRoute, navFor } from './roles.js';
import { ErrorBox, Loading, Role, Screen } from './components.js';
import { SignIn } from './screens/sign_in.js';
import { Month } from './screens/month.js';
import { Submit } from './screens/submit.js';
import { Inbox } from './screens/inbox.js';
import { Report } from './screens/report.js';
import { Tokens } from './screens/tokens.js';
import { Audit } from './screens/audit.js';
import { Feed } from './screens/feed.js';

const THEME_KEY = 'gridcoord.theme';
const THEMES = ['system', 'light', 'dark'];

function readTheme() {
  let v = null;
  try { v = localStorage.getItem(THEME_KEY); } catch { /* ignore */ }
  return THEMES.includes(v) ? v : 'system';
}

function applyTheme(theme) {
  const root = document.documentElement;
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else delete root.dataset.theme;
}

setLang(detectLang());
applyTheme(readTheme());

const screens = { month: Month, submit: Submit, inbox: Inbox, report: Report, tokens: Tokens, audit: Audit, feed: Feed };

// Where to go after signing in (the deep link that asked for it), kept in memory only.
let afterSignIn = null;

function NotFound() {
  return html`<${Screen} name="not-found" title=${t('notfound.title')}>
    <p>${t('notfound.text')}</p>
    <p><${Link} to="/">${t('notfound.home')}</${Link}></p>
  </${Screen}>`;
}

function Header({ me, route, language, onLang, theme, onTheme, onSignOut }) {
  const entries = me ? navFor(me) : [];
  const skip = (e) => {
    e.preventDefault();
    const target = document.querySelector('main h1') || document.getElementById('main');
    if (target) target.focus();
  };
  return html`<header class="top">
    <a class="skip" href="#main" onClick=${skip}>${t('app.skip')}</a>
    <div class="brand">
      <img src="/console/favicon.svg" alt="" width="24" height="24" />
      <span>${t('app.title')}</span>
    </div>
    ${me ? html`<nav class="nav" aria-label=${t('nav.label')}>
      <ul>${entries.map((n) => html`<li>
        <${Link} to=${'/' + n} data-nav=${n} aria-current=${route.name === n ? 'page' : undefined}>${tOf('nav.', n)}</${Link}>
      </li>`)}</ul>
    </nav>` : null}
    <div class="tools">
      ${me ? html`<p class="whoami" data-test="whoami" data-role=${me.role}>
        <span data-raw class="who">${me.description || me.token_id}</span>
        <${Role} value=${me.role} />
      </p>` : null}
      <div class="switch">
        <label for="lang-switch">${t('app.language')}</label>
        <select id="lang-switch" data-test="lang-switch" value=${language} onChange=${(e) => onLang(e.currentTarget.value)}>
          ${LANGS.map((l) => html`<option value=${l} lang=${l} data-raw>${tOf('lang.', l)}</option>`)}
          ${language === 'pseudo' ? html`<option value="pseudo">${t('lang.pseudo')}</option>` : null}
        </select>
      </div>
      <div class="switch">
        <label for="theme-switch">${t('app.theme')}</label>
        <select id="theme-switch" data-test="theme-switch" value=${theme} onChange=${(e) => onTheme(e.currentTarget.value)}>
          ${THEMES.map((v) => html`<option value=${v}>${tOf('theme.', v)}</option>`)}
        </select>
      </div>
      ${me ? html`<button type="button" data-test="sign-out" onClick=${onSignOut}>${t('app.sign_out')}</button>` : null}
    </div>
  </header>`;
}

function App() {
  const [language, setLanguage] = useState(lang());
  const [theme, setTheme] = useState(readTheme());
  const [session, setSession] = useState(() => ({ status: getToken() ? 'checking' : 'signed-out', me: null, notice: null }));
  const loc = useLocation();
  const route = matchRoute(loc.path);
  const firstRoute = useRef(true);

  const signOut = (notice = null) => {
    clearToken();
    setSession({ status: 'signed-out', me: null, notice });
    navigate('/sign-in');
  };

  useEffect(() => {
    setUnauthorizedHandler((err) => signOut(err));
    if (session.status !== 'checking') return;
    get('/v1/me').then(
      (me) => { setZone(me.time_zone); setSession({ status: 'signed-in', me, notice: null }); },
      (err) => {
        if (err.status === 401) return; // the handler signed out
        setSession({ status: 'error', me: null, notice: err });
      },
    );
  }, [session.status]);

  // Signed out: every route shows the sign-in screen at /console/sign-in.
  useEffect(() => {
    if (session.status === 'signed-out' && route.name !== 'sign-in') {
      if (route.name !== 'home') afterSignIn = loc.path + (loc.query.toString() ? '?' + loc.query : '');
      navigate('/sign-in', { replace: true });
    }
    if (session.status === 'signed-in' && (route.name === 'home' || route.name === 'sign-in')) {
      navigate(homeRoute(session.me), { replace: true });
    }
  }, [session.status, route.name]);

  // After a navigation, the new screen's heading takes the focus.
  useEffect(() => {
    if (firstRoute.current) { firstRoute.current = false; return; }
    const h = document.querySelector('main h1');
    if (h) h.focus({ preventScroll: false });
  }, [loc.path]);

  const onLang = (l) => { setLang(l, true); setLanguage(l); };
  const onTheme = (v) => {
    try { localStorage.setItem(THEME_KEY, v); } catch { /* ignore */ }
    applyTheme(v);
    setTheme(v);
  };
  const onSignedIn = (me) => {
    setZone(me.time_zone);
    setSession({ status: 'signed-in', me, notice: null });
    const to = afterSignIn;
    afterSignIn = null;
    navigate(to || homeRoute(me), { replace: true });
  };

  let body;
  if (session.status === 'checking') {
    body = html`<${Screen} name="loading" busy title=${t('app.checking')}><${Loading} /></${Screen}>`;
  } else if (session.status === 'error') {
    body = html`<${Screen} name="sign-in" title=${t('app.check_failed')}>
      <${ErrorBox} error=${session.notice} />
      <div class="actions">
        <button type="button" class="primary" onClick=${() => setSession({ status: 'checking', me: null, notice: null })}>${t('common.retry')}</button>
        <button type="button" data-test="sign-out" onClick=${() => signOut()}>${t('app.sign_out')}</button>
      </div>
    </${Screen}>`;
  } else if (session.status === 'signed-out') {
    body = html`<${SignIn} notice=${session.notice} onSignedIn=${onSignedIn} />`;
  } else {
    const S = screens[route.name];
    body = S ? html`<${S} key=${route.name} me=${session.me} route=${route} query=${loc.query} />`
      : route.name === 'not-found' ? html`<${NotFound} />` : html`<${Loading} />`;
  }

  return html`
    <${Header} me=${session.me} route=${route} language=${language} onLang=${onLang} theme=${theme}
      onTheme=${onTheme} onSignOut=${() => signOut()} />
    <main id="main" tabindex="-1">${body}</main>`;
}

render(html`<${App} />`, document.getElementById('app'));
