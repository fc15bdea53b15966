// screens/sign_in.js — paste a token; the server says who it is (GET /v1/me).
import { html, useState } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { api, setToken } from '../api.js';
import { ErrorBox, Screen, useAction } from '../components.js';

export function SignIn({ notice, onSignedIn }) {
  const [token, setTokenText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [run, state] = useAction((tok) => api('GET', '/v1/me', { token: tok }));

  const submit = async (e) => {
    e.preventDefault();
    const tok = token.trim();
    if (!tok) { setEmpty(true); return; }
    setEmpty(false);
    const me = await run(tok);
    if (me) {
      setToken(tok);
      setTokenText('');
      onSignedIn(me);
    }
  };

  return html`<${Screen} name="sign-in" busy=${state.busy} title=${t('signin.title')}>
    <p class="lead">${t('signin.intro')}</p>
    ${notice && !state.error ? html`<${ErrorBox} error=${notice} />` : null}
    <form class="card form sign-in" onSubmit=${submit} novalidate>
      <label for="token-input">${t('signin.token')}</label>
      <input id="token-input" type="password" data-test="token-input" autocomplete="off" spellcheck="false"
        autocapitalize="off" aria-describedby="token-hint" aria-invalid=${empty ? 'true' : undefined}
        value=${token} onInput=${(e) => setTokenText(e.currentTarget.value)} />
      <p class="hint" id="token-hint">${t('signin.hint')}</p>
      ${empty ? html`<p class="field-error" role="alert">${t('signin.empty')}</p>` : null}
      <div class="actions">
        <button type="submit" class="primary" data-test="sign-in-button" disabled=${state.busy}>
          ${state.busy ? t('signin.checking') : t('signin.button')}
        </button>
      </div>
    </form>
    <${ErrorBox} error=${state.error} />
  </${Screen}>`;
}
