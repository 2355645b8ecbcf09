// The scanning page at the door (see views/staff/scan.hbs).
// Online: every scan goes to POST /api/v1/checkins. When the network fails the page keeps working:
// it verifies the badge's Ed25519 signature locally with the event's public key (WebCrypto, or the
// vendored noble-ed25519), applies the revocation list, the roster and the check-ins it has seen,
// queues the scan (localStorage) and sends the queue to POST /api/v1/checkins/batch when it can.
import * as noble from '/assets/vendor/noble-ed25519/ed25519.js';

const T = JSON.parse(document.getElementById('scan-texts').textContent);
const $ = (id) => document.getElementById(id);
const store = {
  get: (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch (e) { return fallback; } },
  set: (key, value) => localStorage.setItem(key, JSON.stringify(value)),
};
const QUEUE = 'rencontres.scan.queue';
const SEEN = 'rencontres.scan.seen';
const CODE = /^B1\.([1-9][0-9]{0,17})\.([1-9][0-9]{0,17})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{86})$/;

let data = null;      // scanner data of the chosen event
let key = null;       // { webcrypto } or { raw }
let offline = false;
let lastCamera = { code: null, at: 0 };

function nonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);   // also in plain-HTTP pages, unlike crypto.randomUUID
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
function b64url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
function toB64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function hhmm(iso) {
  return iso ? new Date(iso).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' }) : '';
}
let clockOffset = 0;  // the service's "now" minus this device's: honours a rehearsal clock, a wrong device clock
function now() { return new Date(Date.now() + clockOffset); }
function today() {
  return now().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });   // YYYY-MM-DD, Paris day
}
function mode() { return document.querySelector('input[name=mode]:checked').value; }
function listKey() { return $('scan-list').value; }
function slug() { return $('scan-event').value; }

function setNetwork(isOffline) {
  offline = isOffline;
  const el = $('scan-network');
  el.dataset.state = isOffline ? 'offline' : 'online';
  el.textContent = isOffline ? T['scan.offline'] : T['scan.online'];
}

function beep(good) {
  if (!$('scan-sound').checked || !window.AudioContext) return;
  const ctx = new AudioContext();
  const tones = good ? [880] : [220, 0, 220];
  tones.forEach((f, i) => {
    if (!f) return;
    const o = ctx.createOscillator();
    o.frequency.value = f;
    o.connect(ctx.destination);
    o.start(ctx.currentTime + i * 0.15);
    o.stop(ctx.currentTime + i * 0.15 + 0.12);
  });
}

function show(answer) {
  const box = $('scan-result');
  box.dataset.outcome = answer.outcome;
  box.dataset.offline = answer.offline ? 'true' : 'false';
  const icon = answer.outcome === 'ok' ? '✔ ' : answer.outcome === 'already_checked_in' ? '⚠ ' : '✖ ';
  box.querySelector('.scan-result-title').textContent = icon + answer.message + (answer.offline ? ' ' + T['scan.offlineAnswer'] : '');
  box.querySelector('.scan-result-name').textContent = answer.name || '';
  box.querySelector('.scan-result-type').textContent = answer.participantTypeLabel || '';
  beep(answer.outcome === 'ok');
}

function message(outcome, first, exit) {
  if (outcome === 'ok' && exit) return T['checkin.outcome.ok.exit'];
  return (T['checkin.outcome.' + outcome] || outcome).replace('{0}', hhmm(first));
}

// ---- the event's data, kept for offline use ------------------------------------------------------
async function loadEvent() {
  const cacheKey = 'rencontres.scan.data.' + slug();
  try {
    const res = await fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/scanner-data',
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    data = await res.json();
    // the service leaves empty lists out of its JSON
    for (const field of ['lists', 'cancelled', 'superseded', 'roster']) data[field] = data[field] || [];
    data.roster.forEach((r) => { r.sessions = r.sessions || []; });
    data.clockOffset = new Date(data.generatedAt).getTime() - Date.now();
    store.set(cacheKey, data);
    setNetwork(false);
  } catch (e) {
    data = store.get(cacheKey, null);
    setNetwork(true);
  }
  clockOffset = data ? data.clockOffset || 0 : 0;
  key = data ? await importKey(data.publicKey) : null;
  const select = $('scan-list');
  const chosen = select.value || sessionStorage.getItem('rencontres.scan.list');
  select.innerHTML = '';
  for (const list of (data ? data.lists : [])) {
    const option = document.createElement('option');
    option.value = list.key;
    option.textContent = list.key.startsWith('entrance:') ? T['scan.entrance'] + ' ' + list.label : list.label;
    select.appendChild(option);
  }
  const todays = data ? data.lists.find((l) => l.key === 'entrance:' + today()) : null;
  if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
  else if (todays) select.value = todays.key;
}

async function importKey(publicKey) {
  const raw = b64url(publicKey);
  if (window.crypto && crypto.subtle) {
    try {
      return { webcrypto: await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']) };
    } catch (e) { /* browser without Ed25519 in WebCrypto: noble below */ }
  }
  return { raw };
}

async function verify(payload, signature) {
  const message = new TextEncoder().encode(payload);
  const sig = b64url(signature);
  if (sig.length !== 64 || toB64url(sig) !== signature) return false;
  try {
    if (key.webcrypto) return await crypto.subtle.verify({ name: 'Ed25519' }, key.webcrypto, sig, message);
    return await noble.verifyAsync(sig, message, key.raw);
  } catch (e) {
    return false;
  }
}

// ---- local check-ins (what this page has seen, online or not) -----------------------------------
function remember(list, registrationId, direction, at, first) {
  if (!registrationId) return;
  const seen = store.get(SEEN, {});
  const id = list + '|' + registrationId;
  const previous = seen[id] || {};
  seen[id] = { inside: direction === 'entry', first: previous.first || first || at };
  store.set(SEEN, seen);
}

async function decideOffline(request) {
  const answer = (outcome, extra = {}) => ({ outcome, offline: true, ...extra,
    message: message(outcome, extra.firstCheckinAt, request.mode === 'exit') });
  if (!data || !key) return { outcome: 'error', offline: true, message: T['scan.noKeyOffline'] };
  const list = data.lists.find((l) => l.key === request.list);
  let person = null;
  if (request.registrationId) {
    person = data.roster.find((r) => r.id === request.registrationId);
  } else {
    const m = CODE.exec(request.code);
    if (!m || !(await verify(request.code.slice(0, request.code.lastIndexOf('.')), m[4]))) return answer('invalid_code');
    if (String(data.eventId) !== m[2]) return answer('wrong_event');
    const id = Number(m[1]);
    const version = Number(m[3]);
    person = data.roster.find((r) => r.id === id) || { id, badgeVersion: version, status: 'CONFIRMED', member: false, sessions: [], unknown: true };
    const superseded = data.superseded.find((s) => s.registrationId === id);
    if ((superseded && version < superseded.currentVersion) || version < person.badgeVersion) return answer('superseded_badge', who(person));
  }
  if (!person) return answer('invalid_code');
  if (data.cancelled.includes(person.id) || person.status === 'CANCELLED') return answer('cancelled', who(person));
  if (list && list.day && list.day !== today()) return answer('wrong_day', who(person));
  if (request.mode === 'entry') {
    if (!['CONFIRMED', 'PENDING_PAYMENT'].includes(person.status)) return answer('not_registered_for_session', who(person));
    if (list && list.membersOnly && !person.member && !person.unknown) return answer('members_only', who(person));
    const sessionId = request.list.startsWith('session:') ? Number(request.list.slice(8)) : null;
    if (sessionId && list && list.signUps && !person.unknown && !person.sessions.includes(sessionId)) {
      return answer('not_registered_for_session', who(person));
    }
    const seen = store.get(SEEN, {})[request.list + '|' + person.id];
    if (seen && seen.inside) return answer('already_checked_in', { ...who(person), firstCheckinAt: seen.first });
  }
  return answer('ok', { ...who(person), registrationId: person.id });
}

function who(person) {
  if (person.unknown) return { name: T['scan.unknownName'], registrationId: person.id };
  return { name: person.firstName + ' ' + person.lastName, registrationId: person.id,
    participantTypeLabel: T['badge.type.' + person.type] || person.type };
}

// ---- one scan --------------------------------------------------------------------------------------
async function handle(request) {
  Object.assign(request, { list: listKey(), mode: mode(), nonce: nonce(), event: slug(), scannedAt: now().toISOString() });
  if (!offline || navigator.onLine) {
    try {
      const res = await fetch('/api/v1/checkins', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(request) });
      if (res.ok) {
        const answer = await res.json();
        setNetwork(false);
        if (answer.outcome === 'ok') remember(request.list, answer.registrationId, request.mode, answer.scannedAt, answer.firstCheckinAt);
        show(answer);
        flush();
        return;
      }
      if (res.status === 401 || res.status === 403) {
        show({ outcome: 'error', message: T['scan.sessionExpired'] });
        return;
      }
      if (res.status < 500) {
        const problem = await res.json().catch(() => ({}));
        show({ outcome: 'error', message: T['scan.error'] + ' : ' + (problem.message || res.status) });
        return;
      }
    } catch (e) { /* the network is down: answer locally below */ }
  }
  setNetwork(true);
  let answer;
  try {
    answer = await decideOffline(request);
  } catch (e) {
    answer = { outcome: 'error', message: T['scan.error'] + ' : ' + e };
  }
  if (answer.outcome !== 'error') {
    const queue = store.get(QUEUE, []);
    queue.push(request);
    store.set(QUEUE, queue);
    if (answer.outcome === 'ok') remember(request.list, answer.registrationId, request.mode, request.scannedAt);
  }
  show(answer);
  showQueue();
}

// ---- the offline queue -----------------------------------------------------------------------------
function showQueue() {
  const count = store.get(QUEUE, []).length;
  const el = $('scan-queue');
  el.dataset.count = String(count);
  el.textContent = count ? count + ' ' + T['scan.queued'] : '0 ' + T['scan.queued'];
}

let flushing = false;
async function flush() {
  const queue = store.get(QUEUE, []);
  if (flushing || !queue.length) return;
  flushing = true;
  try {
    const res = await fetch('/api/v1/checkins/batch', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ scans: queue }) });
    if (!res.ok) return;
    const report = await res.json();
    const sent = new Set(queue.map((s) => s.nonce));
    store.set(QUEUE, store.get(QUEUE, []).filter((s) => !sent.has(s.nonce)));   // keep scans made meanwhile
    setNetwork(false);
    const ul = $('scan-sync-report');
    const li = document.createElement('li');
    li.textContent = report.received + ' ' + T['scan.synced'];
    ul.prepend(li);
    for (const item of report.results) {
      if (item.result && item.result.accepted) continue;
      const refused = document.createElement('li');
      refused.dataset.nonce = item.nonce || '';
      refused.textContent = T['scan.syncRefused'] + ' ' + (item.result
        ? (item.result.name ? item.result.name + ' — ' : '') + item.result.message
        : item.error.message);
      ul.prepend(refused);
    }
  } catch (e) {
    setNetwork(true);
  } finally {
    flushing = false;
    showQueue();
  }
}

// ---- camera ------------------------------------------------------------------------------------------
let stream = null;
async function toggleCamera() {
  const button = $('scan-camera');
  if (stream) {
    stream.getTracks().forEach((t) => t.stop());
    stream = null;
    $('scan-camera-box').hidden = true;
    button.textContent = T['scan.cameraStart'];
    return;
  }
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  } catch (e) {
    show({ outcome: 'error', message: T['scan.cameraError'] });
    return;
  }
  const video = $('scan-video');
  video.srcObject = stream;
  $('scan-camera-box').hidden = false;
  button.textContent = T['scan.cameraStop'];
  await video.play();
  requestAnimationFrame(tick);
}

function tick() {
  if (!stream) return;
  const video = $('scan-video');
  if (video.readyState === video.HAVE_ENOUGH_DATA) {
    const canvas = $('scan-canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    const now = Date.now();
    // the same badge held in front of the camera is one scan, not thirty a second: it counts again
    // only once it has been out of sight for a few seconds
    if (found && found.data) {
      const again = found.data === lastCamera.code && now - lastCamera.at < 3000;
      lastCamera = { code: found.data, at: now };
      if (!again) handle({ code: found.data });
    }
  }
  requestAnimationFrame(tick);
}

// ---- lookup by name ---------------------------------------------------------------------------------
async function lookup(event) {
  event.preventDefault();
  const ul = $('lookup-results');
  ul.innerHTML = '';
  let found = [];
  try {
    const res = await fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/checkin-lookup?name='
      + encodeURIComponent($('lookup-name').value), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    found = await res.json();
  } catch (e) {
    const q = $('lookup-name').value.toLowerCase();
    found = (data ? data.roster : []).filter((r) => (r.firstName + ' ' + r.lastName).toLowerCase().includes(q))
      .slice(0, 25).map((r) => ({ registrationId: r.id, firstName: r.firstName, lastName: r.lastName,
        participantTypeLabel: T['badge.type.' + r.type], status: r.status }));
  }
  if (!found.length) {
    ul.innerHTML = '<li></li>';
    ul.firstChild.textContent = T['scan.noResult'];
  }
  for (const person of found) {
    const li = document.createElement('li');
    li.textContent = person.lastName + ', ' + person.firstName + ' — ' + person.participantTypeLabel
      + (person.organisation ? ' — ' + person.organisation : '') + ' ';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = T['scan.checkIn'];
    button.addEventListener('click', () => handle({ registrationId: person.registrationId }));
    li.appendChild(button);
    ul.appendChild(li);
  }
}

// ---- wiring ---------------------------------------------------------------------------------------------
$('scan-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('scan-code');
  const code = input.value.trim();
  input.value = '';
  input.focus();
  if (code) handle({ code });
});
$('scan-event').addEventListener('change', loadEvent);
$('scan-list').addEventListener('change', () => sessionStorage.setItem('rencontres.scan.list', listKey()));
$('scan-camera').addEventListener('click', toggleCamera);
$('lookup-form').addEventListener('submit', lookup);
window.addEventListener('online', flush);
setInterval(flush, 10000);
showQueue();
loadEvent().then(() => {
  document.body.dataset.scanReady = 'true';   // for people: nothing; for the browser tests: the lists are loaded
  flush();
});
