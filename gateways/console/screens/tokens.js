// screens/tokens.js — administrators: issue a token (role and description; the secret is
// shown once, with a copy button), list tokens, revoke one after a confirmation.
import { html, useRef, useState } from '../vendor/preact-htm.js';
import { t } from '../i18n.js';
import { api, get, path, query as q } from '../api.js';
import { ROLES } from '../roles.js';
import { ErrorBox, Loading, Role, roleName, Screen, TableWrap, Time, useAction, useLoad } from '../components.js';

async function loadTokens(signal) {
  let tokens = [];
  let after;
  for (let page = 0; page < 20; page += 1) {
    const res = await get('/v1/tokens' + q({ limit: 1000, after }), { signal });
    tokens = tokens.concat(res.tokens || []);
    if (res.end !== false || !res.next_after || !(res.tokens || []).length) break;
    after = res.next_after;
  }
  return tokens;
}

// Copies text: the Clipboard API where the page may use it, else the selected text.
async function copyText(text, node) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* fall back below */ }
  if (!node) return false;
  const range = document.createRange();
  range.selectNodeContents(node);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  try { return document.execCommand('copy'); } catch { return false; }
}

function Secret({ created, onDone }) {
  const node = useRef(null);
  const [copied, setCopied] = useState(null);
  const copy = async () => setCopied(await copyText(created.token, node.current) ? 'ok' : 'select');
  const select = () => {
    const range = document.createRange();
    range.selectNodeContents(node.current);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  };
  return html`<section class="card secret" aria-labelledby="secret-h" data-token-id=${created.id}>
    <h2 id="secret-h">${t('tokens.created', { id: created.id })}</h2>
    <p class="warn">${t('tokens.shown_once')}</p>
    <p class="secret-line">
      <code data-test="token-secret" data-raw ref=${node} tabindex="0" onFocus=${select}
        aria-label=${t('tokens.secret_label')}>${created.token}</code>
    </p>
    <div class="actions">
      <button type="button" class="primary" data-test="copy-secret" onClick=${copy}>${t('tokens.copy')}</button>
      <button type="button" onClick=${onDone}>${t('tokens.done')}</button>
    </div>
    ${copied === 'ok' ? html`<p role="status" class="ok">${t('tokens.copied')}</p>` : null}
    ${copied === 'select' ? html`<p role="status" class="warn">${t('tokens.copy_fallback')}</p>` : null}
  </section>`;
}

function TokenRow({ tk, self, confirming, setConfirming, onRevoke, busy }) {
  const revoked = !!tk.revoked_at;
  return html`<tr data-token=${tk.id} data-revoked=${revoked ? 'true' : 'false'} class=${revoked ? 'done' : undefined}>
    <th scope="row"><code data-raw>${tk.id}</code>${self ? html`<div class="badge status-open">${t('tokens.you')}</div>` : null}</th>
    <td><${Role} value=${tk.role} /></td>
    <td data-raw class="wrap">${tk.description}</td>
    <td><${Time} value=${tk.created_at} /><div class="muted small" data-raw>${tk.created_by}</div></td>
    <td>${revoked
      ? html`<span class="badge status-missing">${t('tokens.revoked')}</span><div class="small"><${Time} value=${tk.revoked_at} /></div>`
      : html`<span class="badge status-on_time">${t('tokens.active')}</span>`}</td>
    <td class="row-actions">${revoked ? null : confirming
      ? html`<span class="confirm" role="group" aria-label=${t('tokens.confirm_label', { id: tk.id })}>
          <span>${t('tokens.confirm')}</span>
          <button type="button" class="danger small" data-test="revoke-confirm" disabled=${busy}
            onClick=${() => onRevoke(tk.id)}>${t('tokens.revoke_yes')}</button>
          <button type="button" class="small" data-test="revoke-cancel" onClick=${() => setConfirming(null)}>${t('common.cancel')}</button>
        </span>`
      : html`<button type="button" class="small" data-test="revoke" onClick=${() => setConfirming(tk.id)}
          aria-label=${t('tokens.revoke_label', { id: tk.id })}>${t('tokens.revoke')}</button>`}</td>
  </tr>`;
}

export function Tokens({ me }) {
  const list = useLoad((signal) => loadTokens(signal), []);
  const [role, setRole] = useState('liaison:marketing');
  const [description, setDescription] = useState('');
  const [created, setCreated] = useState(null);
  const [confirming, setConfirming] = useState(null);
  const [showRevoked, setShowRevoked] = useState(true);
  const [create, createState] = useAction(async () => {
    const body = { role };
    if (description.trim()) body.description = description.trim();
    const res = await api('POST', '/v1/tokens', { body });
    setCreated(res);
    setDescription('');
    list.reload();
    return res;
  });
  const [revoke, revokeState] = useAction(async (id) => {
    await api('DELETE', path`/v1/tokens/${id}`);
    setConfirming(null);
    list.reload();
  });
  const tokens = (list.data || []).filter((tk) => showRevoked || !tk.revoked_at);

  return html`<${Screen} name="tokens" busy=${list.loading || createState.busy || revokeState.busy} title=${t('tokens.title')}>
    <form class="card form" onSubmit=${(e) => { e.preventDefault(); create(); }}>
      <h2>${t('tokens.new')}</h2>
      <div class="row-fields">
        <div class="field">
          <label for="token-role">${t('tokens.role')}</label>
          <select id="token-role" data-test="token-role" value=${role} onChange=${(e) => setRole(e.currentTarget.value)}>
            ${ROLES.map((r) => html`<option value=${r}>${roleName(r)}</option>`)}
          </select>
        </div>
        <div class="field grow">
          <label for="token-description">${t('tokens.description')}</label>
          <input id="token-description" data-test="token-description" maxlength="200" autocomplete="off"
            value=${description} onInput=${(e) => setDescription(e.currentTarget.value)} aria-describedby="token-description-hint" />
          <p class="hint" id="token-description-hint">${t('tokens.description_hint')}</p>
        </div>
      </div>
      <div class="actions">
        <button type="submit" class="primary" data-test="token-create" disabled=${createState.busy}>${t('tokens.create')}</button>
      </div>
      <${ErrorBox} error=${createState.error} />
    </form>
    ${created ? html`<${Secret} created=${created} onDone=${() => setCreated(null)} />` : null}
    <section aria-labelledby="token-list-h">
      <div class="toolbar">
        <h2 id="token-list-h">${t('tokens.list')}</h2>
        <label class="inline"><input type="checkbox" checked=${showRevoked} onChange=${(e) => setShowRevoked(e.currentTarget.checked)} />${t('tokens.show_revoked')}</label>
        <button type="button" onClick=${list.reload} disabled=${list.loading}>${t('common.refresh')}</button>
      </div>
      ${list.loading && !list.data ? html`<${Loading} />` : null}
      <${ErrorBox} error=${list.error} />
      <${ErrorBox} error=${revokeState.error} />
      ${list.data ? html`<${TableWrap} label=${t('tokens.table_label')}>
        <table class="data">
          <thead><tr>
            <th scope="col">${t('tokens.col_id')}</th><th scope="col">${t('tokens.col_role')}</th>
            <th scope="col">${t('tokens.col_description')}</th><th scope="col">${t('tokens.col_created')}</th>
            <th scope="col">${t('tokens.col_state')}</th><th scope="col">${t('tokens.col_actions')}</th>
          </tr></thead>
          <tbody>${tokens.map((tk) => html`<${TokenRow} tk=${tk} self=${me && tk.id === me.token_id} confirming=${confirming === tk.id}
            setConfirming=${setConfirming} onRevoke=${revoke} busy=${revokeState.busy} />`)}</tbody>
        </table>
      </${TableWrap}>` : null}
    </section>
  </${Screen}>`;
}
