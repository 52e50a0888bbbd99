'use strict';

// The demo page. It calls the extension's REST endpoints in identity mode (codes go only to the signed-in user's
// verified destinations, or come from their authenticator app or a recovery code) and the demo's own endpoints
// under /demo.

const CONFIRMATION_HEADER = 'Two-Factor-Confirmation';

const byId = (id) => document.getElementById(id);

/** A call the server refused; the message is the problem+json answer's detail when there is one. */
class CallRefused extends Error {
    constructor(status, problem) {
        super(problem.detail || problem.title || `The server answered ${status}.`);
        this.status = status;
        this.type = problem.type || '';
    }
}

/** The user closed the code form: the flow that asked for the code stops without a message. */
class Cancelled extends Error {
}

async function call(method, path, { json, form, confirmation } = {}) {
    const headers = {};
    let body;
    if (json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
    } else if (form !== undefined) {
        body = new URLSearchParams(form);
    }
    if (confirmation) {
        headers[CONFIRMATION_HEADER] = confirmation;
    }
    const response = await fetch(path, { method, headers, body });
    const isJson = (response.headers.get('Content-Type') || '').includes('json');
    const content = isJson ? await response.json() : await response.text();
    if (!response.ok) {
        throw new CallRefused(response.status, isJson ? content : {});
    }
    return content;
}

function showMessage(text, kind = 'info') {
    const message = byId('message');
    message.textContent = text;
    message.className = kind;
    message.hidden = !text;
}

/** Runs one user action, showing why it failed unless the user cancelled it. */
async function run(action) {
    showMessage('');
    try {
        await action();
    } catch (error) {
        if (!(error instanceof Cancelled)) {
            showMessage(error.message, 'error');
        }
    }
}

// --- Signing in and out ---

async function signIn() {
    try {
        await call('POST', '/j_security_check',
                { form: { j_username: byId('username').value, j_password: byId('password').value } });
    } catch (error) {
        throw error.status === 401 ? new Error('Wrong user name or password.') : error;
    }
    byId('password').value = '';
    await showAccount();
}

async function signOut() {
    await call('POST', '/demo/sign-out');
    closeCodeForm(new Cancelled());
    lastSecuredActionConfirmation = null;
    byId('secured-action-replay').disabled = true;
    byId('secured-action-result').textContent = '';
    showSignInForm();
}

function showSignInForm() {
    byId('account').hidden = true;
    byId('destinations-section').hidden = true;
    byId('authenticators-section').hidden = true;
    byId('secured-action-section').hidden = true;
    byId('sign-in-section').hidden = false;
}

/** Shows the signed-in user's page, or the sign-in form when nobody is signed in. */
async function showAccount() {
    let user;
    try {
        user = await call('GET', '/demo/me');
    } catch (error) {
        if (error.status === 401) {
            showSignInForm();
            return;
        }
        throw error;
    }
    byId('signed-in-user').textContent = user;
    byId('account').hidden = false;
    byId('sign-in-section').hidden = true;
    await Promise.all([listSenders(), listDestinations(), listAuthenticators(), countRecoveryCodes()]);
    byId('destinations-section').hidden = false;
    byId('authenticators-section').hidden = false;
    byId('secured-action-section').hidden = false;
}

// --- Codes ---

let pendingCode = null;

/**
 * Opens the code form for a confirmation just made; resolves with its id once the right code is confirmed. A code
 * from an authenticator app or a recovery code cannot be sent again.
 */
function enterCode(confirmation, reason, canResend = true) {
    closeCodeForm(new Cancelled());
    byId('code-reason').textContent = reason;
    byId('code-resend').hidden = !canResend;
    byId('code-input').value = '';
    showDevCode(confirmation.code);
    byId('code-section').hidden = false;
    byId('code-input').focus();
    return new Promise((resolve, reject) => {
        pendingCode = { id: confirmation.id, resolve, reject };
    });
}

/** Closes the code form; the flow waiting for it fails with the reason given. */
function closeCodeForm(reason) {
    byId('code-section').hidden = true;
    if (pendingCode) {
        pendingCode.reject(reason);
        pendingCode = null;
    }
}

/** With debug-code-response on (dev and test only), answers carry the code: shown so nobody reads logs. */
function showDevCode(code) {
    const devCode = byId('dev-code');
    devCode.textContent = code ? `Dev only: the code is ${code}` : '';
    devCode.hidden = !code;
}

async function submitCode() {
    const pending = pendingCode;
    try {
        await call('POST', '/two-factor/confirm', { json: { id: pending.id, code: byId('code-input').value.trim() } });
    } catch (error) {
        // A wrong code leaves the confirmation open for another try; any other refusal ends it.
        if (error.status !== 400) {
            closeCodeForm(error);
        }
        throw error;
    }
    pendingCode = null;
    byId('code-section').hidden = true;
    pending.resolve(pending.id);
}

async function resendCode() {
    const sent = await call('POST', '/two-factor/resend', { json: { id: pendingCode.id } });
    showDevCode(sent.code);
    showMessage('A new code is on its way.');
}

/**
 * Asks for a confirmation for a purpose and resolves with its id once confirmed, to be sent in the
 * Two-Factor-Confirmation header: with a code sent to the user's default verified destination, or with their
 * authenticator app's code or a recovery code, which nothing sends.
 */
async function confirmPurpose(purpose, reason, method = 'send') {
    if (method !== 'send') {
        const confirmation = await call('POST', '/two-factor/request-confirmation', { json: { purpose, method } });
        const source = method === 'totp' ? 'the code your authenticator app shows' : 'one of your recovery codes';
        return enterCode(confirmation, `${reason} Enter ${source}.`, false);
    }
    const via = destinations.find((d) => d.verified && d.default) || destinations.find((d) => d.verified);
    // Without a verified destination the server answers why (no-destination).
    const request = via ? { purpose, destination: via.id } : { purpose };
    const confirmation = await call('POST', '/two-factor/request-confirmation', { json: request });
    return enterCode(confirmation, via ? `${reason} A code was sent to ${via.recipient}.` : reason);
}

// --- Destinations ---

let destinations = [];

async function listSenders() {
    const senders = await call('GET', '/two-factor/senders');
    byId('add-sender').replaceChildren(...senders.map((sender) => {
        const option = document.createElement('option');
        option.value = sender.key;
        // verboseName is the key itself when the sender has no verbose name.
        option.textContent = sender.verboseName !== sender.key ? `${sender.verboseName} (${sender.key})` : sender.key;
        return option;
    }));
}

async function listDestinations() {
    destinations = await call('GET', '/two-factor/destinations');
    byId('destinations').replaceChildren(...destinations.map(destinationRow));
    byId('destinations-table').hidden = destinations.length === 0;
    byId('no-destinations').hidden = destinations.length > 0;
}

function destinationRow(destination) {
    const row = document.createElement('tr');
    row.id = `destination-${destination.id}`;
    const state = destination.verified ? (destination.default ? 'verified, default' : 'verified') : 'not verified';
    for (const text of [destination.recipient, destination.sender, state,
        new Date(destination.createdAt).toLocaleString()]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.id = `remove-${destination.id}`;
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => run(() => removeDestination(destination)));
    const actions = document.createElement('td');
    actions.append(remove);
    row.append(actions);
    return row;
}

/**
 * Once the user has a verified destination or authenticator app, changing how they confirm takes a confirmation
 * through one of them: a code sent to a destination when there is one, else the app's code.
 */
async function manageConfirmation(reason) {
    if (destinations.some((d) => d.verified)) {
        return confirmPurpose('manage-destinations', reason);
    }
    return authenticators.some((a) => a.verified) ? confirmPurpose('manage-destinations', reason, 'totp') : undefined;
}

async function addDestination() {
    const sender = byId('add-sender').value;
    const recipient = byId('add-recipient').value.trim();
    const confirmation = await manageConfirmation(`Adding ${recipient} needs your confirmation.`);
    const added = await call('POST', '/two-factor/destinations', { json: { sender, recipient }, confirmation });
    byId('add-recipient').value = '';
    await listDestinations();
    await enterCode(added.confirmation, `To verify ${added.destination.recipient}, enter the code just sent to it.`);
    await listDestinations();
    showMessage(`${added.destination.recipient} is verified.`);
}

async function removeDestination(destination) {
    const confirmation = await manageConfirmation(`Removing ${destination.recipient} needs your confirmation.`);
    await call('DELETE', `/two-factor/destinations/${destination.id}`, { confirmation });
    await listDestinations();
    showMessage(`${destination.recipient} was removed.`);
}

// --- Authenticator apps and recovery codes ---

let authenticators = [];
let pendingEnrolment = null;

async function listAuthenticators() {
    authenticators = await call('GET', '/two-factor/authenticators');
    byId('authenticators').replaceChildren(...authenticators.map(authenticatorItem));
    byId('no-authenticators').hidden = authenticators.length > 0;
}

function authenticatorItem(app) {
    const item = document.createElement('li');
    item.id = `authenticator-${app.id}`;
    item.textContent = `${app.label} (${app.verified ? 'verified' : 'not verified'}) `;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = 'Remove';
    remove.addEventListener('click', () => run(() => removeAuthenticator(app)));
    item.append(remove);
    return item;
}

/** Enrols an app, shows its QR code and key, and waits for the code it computes to verify it. */
async function addAuthenticator() {
    const confirmation = await manageConfirmation('Adding an authenticator app needs your confirmation.');
    const enrolled = await call('POST', '/two-factor/authenticators', { json: { label: 'Phone' }, confirmation });
    byId('enrolment-qr').src = enrolled.qrCode;
    byId('enrolment-secret').textContent = enrolled.secret;
    byId('enrolment-code').value = '';
    byId('enrolment').hidden = false;
    pendingEnrolment = enrolled.id;
    await listAuthenticators();
}

async function verifyAuthenticator() {
    await call('POST', `/two-factor/authenticators/${pendingEnrolment}/verify`,
            { json: { code: byId('enrolment-code').value.trim() } });
    pendingEnrolment = null;
    byId('enrolment').hidden = true;
    byId('enrolment-secret').textContent = '';
    await listAuthenticators();
    showMessage('Your authenticator app is verified.');
}

async function removeAuthenticator(app) {
    const confirmation = await manageConfirmation(`Removing ${app.label} needs your confirmation.`);
    await call('DELETE', `/two-factor/authenticators/${app.id}`, { confirmation });
    await listAuthenticators();
    showMessage(`${app.label} was removed.`);
}

async function countRecoveryCodes() {
    byId('recovery-remaining').textContent = (await call('GET', '/two-factor/recovery-codes')).remaining;
}

async function issueRecoveryCodes() {
    const confirmation = await manageConfirmation('New recovery codes need your confirmation.');
    const issued = await call('POST', '/two-factor/recovery-codes', { confirmation });
    byId('recovery-codes').replaceChildren(...issued.codes.map((code) => {
        const item = document.createElement('li');
        item.textContent = code;
        return item;
    }));
    byId('recovery-codes-shown').hidden = false;
    byId('recovery-remaining').textContent = issued.remaining;
}

// --- The secured action ---

let lastSecuredActionConfirmation = null;

async function performSecuredAction() {
    lastSecuredActionConfirmation = await confirmPurpose('secured-action', 'The secured action needs your confirmation.',
            byId('secured-action-method').value);
    await countRecoveryCodes();
    byId('secured-action-replay').disabled = false;
    await callSecuredAction(lastSecuredActionConfirmation);
}

/** Shows the answer, or the refusal with its problem type, e.g. when a spent confirmation is replayed. */
async function callSecuredAction(confirmation) {
    const result = byId('secured-action-result');
    try {
        const answer = await call('POST', '/demo/secured-action', { confirmation });
        result.textContent = `The server answered: ${answer}`;
        result.className = 'success';
        result.dataset.problemType = '';
    } catch (error) {
        if (!(error instanceof CallRefused)) {
            throw error;
        }
        result.textContent = `Refused (${error.status}): ${error.message}`;
        result.className = 'error';
        result.dataset.problemType = error.type;
    }
}

// --- Wiring ---

function onSubmit(formId, action) {
    byId(formId).addEventListener('submit', (event) => {
        event.preventDefault();
        run(action);
    });
}

onSubmit('sign-in-form', signIn);
onSubmit('code-form', submitCode);
onSubmit('add-destination-form', addDestination);
onSubmit('enrolment-form', verifyAuthenticator);
byId('add-authenticator').addEventListener('click', () => run(addAuthenticator));
byId('issue-recovery-codes').addEventListener('click', () => run(issueRecoveryCodes));
byId('sign-out').addEventListener('click', () => run(signOut));
byId('code-resend').addEventListener('click', () => run(resendCode));
byId('code-cancel').addEventListener('click', () => closeCodeForm(new Cancelled()));
byId('secured-action').addEventListener('click', () => run(performSecuredAction));
byId('secured-action-replay').addEventListener('click', () => run(() => callSecuredAction(lastSecuredActionConfirmation)));
run(showAccount);
