import { LitElement, html, css } from 'lit';
import { JsonRpc } from 'jsonrpc';

/** How often the card asks again, so that new confirmations and codes show up without a reload. */
const REFRESH_MILLIS = 1500;

/**
 * The confirmations in the store, the codes held for the developer (by the test outbox or the log backend), the
 * configured senders and the store in use.
 */
export class QwcTwoFactorConfirmations extends LitElement {

    jsonRpc = new JsonRpc(this);

    static styles = css`
        :host { display: flex; flex-direction: column; gap: 1em; padding: 0 1em 1em; }
        h3 { margin: 0.5em 0 0.2em; }
        table { border-collapse: collapse; width: 100%; font-size: var(--lumo-font-size-s); }
        th, td { text-align: left; padding: 0.25em 0.6em; border-bottom: 1px solid var(--lumo-contrast-10pct); }
        th { color: var(--lumo-contrast-60pct); font-weight: normal; }
        code { font-size: 90%; }
        .code { font-weight: bold; letter-spacing: 0.1em; }
        .note { color: var(--lumo-contrast-60pct); }
        .status-pending { color: var(--lumo-primary-text-color); }
        .status-confirmed, .status-used { color: var(--lumo-success-text-color); }
        .status-failed, .status-expired { color: var(--lumo-error-text-color); }
    `;

    static properties = {
        _view: { state: true },
        _error: { state: true },
    };

    connectedCallback() {
        super.connectedCallback();
        this._refresh();
        this._timer = setInterval(() => this._refresh(), REFRESH_MILLIS);
    }

    disconnectedCallback() {
        clearInterval(this._timer);
        super.disconnectedCallback();
    }

    _refresh() {
        this.jsonRpc.view()
            .then(response => {
                this._view = response.result;
                this._error = null;
            })
            .catch(failure => this._error = failure?.error?.message ?? String(failure));
    }

    render() {
        if (this._error) {
            return html`<p class="note" id="error">Cannot read the two-factor state: ${this._error}</p>`;
        }
        if (!this._view) {
            return html`<p class="note">Loading…</p>`;
        }
        return html`
            ${this._confirmations()}
            ${this._codes()}
            ${this._setup()}`;
    }

    _confirmations() {
        const view = this._view;
        let body;
        if (!view.storeLists) {
            body = html`<p class="note" id="store-cannot-list">The <code>${view.store}</code> store cannot list its
                confirmations.</p>`;
        } else if (view.confirmations.length === 0) {
            body = html`<p class="note">No confirmations yet.</p>`;
        } else {
            body = html`<table id="confirmations">
                <tr><th>Id</th><th>Status</th><th>Sender</th><th>Recipient</th><th>Owner</th><th>Purpose</th>
                    <th>Wrong codes</th><th>Expires</th></tr>
                ${view.confirmations.map(c => html`<tr data-id="${c.id}">
                    <td><code>${c.id}</code></td>
                    <td class="status-${c.status}">${c.status}</td>
                    <td>${c.sender ?? ''}</td>
                    <td>${c.recipient ?? ''}</td>
                    <td>${c.owner ?? ''}</td>
                    <td>${c.purpose ?? ''}</td>
                    <td>${c.attempts}</td>
                    <td>${this._time(c.expiresAt)}</td></tr>`)}
            </table>`;
        }
        return html`<section><h3>Confirmations, newest first</h3>${body}</section>`;
    }

    _codes() {
        const codes = this._view.codes;
        const body = codes.length === 0
            ? html`<p class="note">No codes held. Codes appear here when the <code>log</code> backend writes them or
                  <code>quarkus.two-factor.outbox.enabled=true</code> keeps them.</p>`
            : html`<table id="codes">
                <tr><th>Code</th><th>Held by</th><th>Sender</th><th>Recipient</th><th>Confirmation</th><th>Expires</th></tr>
                ${codes.map(c => html`<tr data-confirmation-id="${c.confirmationId}">
                    <td class="code">${c.code}</td>
                    <td>${c.heldBy}</td>
                    <td>${c.sender}</td>
                    <td>${c.recipient}</td>
                    <td><code>${c.confirmationId}</code></td>
                    <td>${this._time(c.expiresAt)}</td></tr>`)}
            </table>`;
        return html`<section><h3>Codes sent, newest first</h3>${body}</section>`;
    }

    _setup() {
        const view = this._view;
        return html`<section id="setup"><h3>Setup</h3>
            <p>Store: <code id="store">${view.store}</code>.
               Outbox: ${view.outboxEnabled ? 'on, codes are kept instead of sent' : 'off'}.
               REST endpoints: ${view.restPath
                   ? html`<code>${view.restPath}</code>`
                   : html`off (<code>quarkus.two-factor.rest.enabled</code>)`}.</p>
            <table id="senders">
                <tr><th>Sender</th><th>Backend</th><th>Name shown to users</th></tr>
                ${view.senders.map(s => html`<tr>
                    <td><code>${s.key}</code></td><td>${s.backend}</td><td>${s.verboseName ?? ''}</td></tr>`)}
            </table></section>`;
    }

    _time(iso) {
        return new Date(iso).toLocaleTimeString();
    }
}
customElements.define('qwc-two-factor-confirmations', QwcTwoFactorConfirmations);
