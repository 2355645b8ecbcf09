// The scanning page at the door (see views/staff/scan.hbs).
// Online: every scan goes to POST /api/v1/checkins. When the network fails the page keeps working:
// it verifies the badge's Ed25519 signature locally with the event's public key (WebCrypto, or the
// vendored noble-ed25519), applies the revocation list, the roster and the check-ins it has seen,
// queues the scan (localStorage) and sends the queue to POST /api/v1/checkins/batch when it can.
// While online it asks every few seconds what changed (revocations, other doors' check-ins) since a cursor.
// A service worker (/staff/scan-sw.js) keeps the page itself, its scripts and the event's data for a cold
// start without network.
import * as noble from '/assets/vendor/noble-ed25519/ed25519.js';

const T = JSON.parse(document.getElementById('scan-texts').textContent);
const CONFIG = JSON.parse(document.getElementById('scan-config').textContent);
const $ = (id) => document.getElementById(id);
const PREFIX = 'rencontres.scan.';
let signingOut = false; // once the device is cleared, nothing still in flight (a roster refresh) may write again
const store = {
  get: (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) ?? fallback; } catch (e) { return fallback; } },
  set: (key, value) => { if (!signingOut) localStorage.setItem(key, JSON.stringify(value)); },
};
const QUEUE = PREFIX + 'queue';
const SEEN = PREFIX + 'seen';        // list|registration -> { inside, first, at } : presence by scan time
const HISTORY = PREFIX + 'history';  // this device's last scans, newest first
const CODE = /^B1\.([1-9][0-9]{0,17})\.([1-9][0-9]{0,17})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{86})$/;
const CODE_AT_END = /B1\.[1-9][0-9]{0,17}\.[1-9][0-9]{0,17}\.[1-9][0-9]{0,8}\.[A-Za-z0-9_-]{86}$/;
const REFRESH_MS = 5000;
const HISTORY_SIZE = 50;

let data = null;      // scanner data of the chosen event
let key = null;       // { webcrypto } or { raw }
let offline = false;
let lastCamera = { code: null, missing: 0 };
const CAMERA_GONE_FRAMES = 30;
let sequence = 0;     // the answer shown is the one of the latest scan, whatever order the answers come in

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
function listLabel(key) {
  const option = [...$('scan-list').options].find((o) => o.value === key);
  return option ? option.textContent : key;
}
// the same folding as the service's search (checkin/SearchText.java): no accents, no case, ' and - as spaces
function fold(text) {
  return (text || '').normalize('NFD').replace(/\p{M}+/gu, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae').replace(/Æ/g, 'AE').replace(/ß/g, 'ss').toLowerCase()
    .replace(/[\s'’‘`\-‐–—.,]+/g, ' ').trim();
}

function setNetwork(isOffline) {
  offline = isOffline;
  const el = $('scan-network');
  el.dataset.state = isOffline ? 'offline' : 'online';
  el.textContent = isOffline ? T['scan.offline'] : T['scan.online'];
  showAge();
}

// how old the event's data is: the last time the service answered (full download or changes)
function showAge() {
  const el = $('scan-data-age');
  const at = data && (data.refreshedAt || data.generatedAt);
  if (!at) { el.dataset.age = ''; el.textContent = T['scan.dataAge.none']; return; }
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(data.refreshedLocal || Date.now()).getTime()) / 60000));
  el.dataset.age = String(minutes);
  el.dataset.stale = offline && minutes >= 1 ? 'true' : 'false';
  el.textContent = T['scan.dataAge'].replace('{0}', hhmm(at)).replace('{1}', String(minutes));
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

// a new scan clears the previous answer at once: staff never read an old answer for a new badge
function pending(seq) {
  const box = $('scan-result');
  box.dataset.seq = String(seq);
  box.dataset.outcome = 'pending';
  box.dataset.offline = 'false';
  box.querySelector('.scan-result-title').textContent = T['scan.pending'];
  box.querySelector('.scan-result-name').textContent = '';
  box.querySelector('.scan-result-type').textContent = '';
  box.querySelector('.scan-result-room').hidden = true;
}

function show(answer, seq) {
  if (seq !== undefined && seq !== sequence) return;   // a slower answer to an earlier scan
  const box = $('scan-result');
  box.dataset.outcome = answer.outcome;
  box.dataset.offline = answer.offline ? 'true' : 'false';
  const icon = answer.outcome === 'ok' ? '✔ ' : answer.outcome === 'already_checked_in' ? '⚠ ' : '✖ ';
  box.querySelector('.scan-result-title').textContent = icon + answer.message + (answer.offline ? ' ' + T['scan.offlineAnswer'] : '');
  box.querySelector('.scan-result-name').textContent = answer.name || '';
  box.querySelector('.scan-result-type').textContent = [answer.participantTypeLabel, answer.organisation].filter(Boolean).join(' — ');
  const room = box.querySelector('.scan-result-room');
  const occupancy = roomOccupancy(answer.list || listKey());
  room.hidden = !occupancy;
  if (occupancy) {
    room.textContent = occupancy.full ? T['scan.roomFull'].replace('{0}', occupancy.inside).replace('{1}', occupancy.capacity)
      : T['scan.roomCount'].replace('{0}', occupancy.inside).replace('{1}', occupancy.capacity);
    room.dataset.full = occupancy.full ? 'true' : 'false';
  }
  beep(answer.outcome === 'ok' && !(occupancy && occupancy.full));
}

function message(outcome, first, exit) {
  if (outcome === 'ok' && exit) return T['checkin.outcome.ok.exit'];
  return (T['checkin.outcome.' + outcome] || outcome).replace('{0}', hhmm(first));
}

// ---- the event's data, kept for offline use ------------------------------------------------------
async function loadEvent() {
  const cacheKey = PREFIX + 'data.' + slug();
  try {
    const res = await fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/scanner-data',
      { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    if (res.headers.get('X-Scan-From-Cache')) {
      // the service worker's copy: no network; this page's own copy is newer (it merges the changes)
      const copy = await res.json();
      const err = new Error('offline');
      err.copy = copy;
      throw err;
    }
    data = await res.json();
    normalise(data);
    data.clockOffset = new Date(data.generatedAt).getTime() - Date.now();
    data.refreshedAt = data.generatedAt;
    data.refreshedLocal = new Date().toISOString();
    data.since = data.generatedAt;
    data.cursor = 0;     // the first changes give every accepted scan: who is inside now, at every door
    store.set(cacheKey, data);
    setNetwork(false);
  } catch (e) {
    data = store.get(cacheKey, null);
    if (!data && e.copy) {
      data = e.copy;
      normalise(data);
      data.clockOffset = 0;
    }
    setNetwork(true);
  }
  clockOffset = data ? data.clockOffset || 0 : 0;
  key = data ? await importKey(data.publicKey) : null;
  const select = $('scan-list');
  const chosen = select.value || sessionStorage.getItem(PREFIX + 'list');
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
  showAge();
  await refresh();
}

function normalise(d) {
  // the service leaves empty lists out of its JSON
  for (const field of ['lists', 'cancelled', 'superseded', 'roster']) d[field] = d[field] || [];
  d.roster.forEach((r) => { r.sessions = r.sessions || []; });
}

// While online: what changed since the last look (registrations changed since `since`, accepted scans of
// every door after `cursor`), merged into the stored data: an offline tablet then knows the last revocations.
let refreshing = false;
async function refresh() {
  if (!data || refreshing) return;
  refreshing = true;
  try {
    const url = '/api/v1/events/' + encodeURIComponent(data.event) + '/scanner-changes?after=' + (data.cursor || 0)
      + '&since=' + encodeURIComponent(data.since || data.generatedAt);
    const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const changes = await res.json();
    for (const entry of (changes.roster || [])) {
      entry.sessions = entry.sessions || [];
      const i = data.roster.findIndex((r) => r.id === entry.id);
      if (i >= 0) data.roster[i] = entry; else data.roster.push(entry);
      if (entry.status === 'CANCELLED' && !data.cancelled.includes(entry.id)) data.cancelled.push(entry.id);
      if (entry.status !== 'CANCELLED') data.cancelled = data.cancelled.filter((id) => id !== entry.id);
      if (entry.badgeVersion > 1) {
        data.superseded = data.superseded.filter((s) => s.registrationId !== entry.id);
        data.superseded.push({ registrationId: entry.id, currentVersion: entry.badgeVersion });
      }
    }
    const seen = store.get(SEEN, {});
    for (const scan of (changes.scans || [])) {
      applySeen(seen, scan.listKey, scan.registrationId, scan.direction === 'ENTRY' ? 'entry' : 'exit',
        scan.scannedAt, scan.firstCheckinAt);
    }
    store.set(SEEN, seen);
    data.cursor = changes.cursor;
    data.since = changes.generatedAt;
    data.refreshedAt = changes.generatedAt;
    data.refreshedLocal = new Date().toISOString();
    data.clockOffset = new Date(changes.generatedAt).getTime() - Date.now();
    clockOffset = data.clockOffset;
    store.set(PREFIX + 'data.' + data.event, data);
    if (offline) setNetwork(false);
  } catch (e) {
    if (!navigator.onLine) setNetwork(true);
  } finally {
    refreshing = false;
    showAge();
  }
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

// ---- who is where (this page's scans and every door's, by scan time) ------------------------------
function applySeen(seen, list, registrationId, direction, at, first) {
  if (!registrationId) return;
  const id = list + '|' + registrationId;
  const previous = seen[id] || {};
  const earliest = [previous.first, first, direction === 'entry' ? at : null].filter(Boolean).sort()[0] || null;
  if (!previous.at || !at || at >= previous.at) {
    seen[id] = { inside: direction === 'entry', first: earliest, at: at || previous.at };
  } else {
    seen[id] = { ...previous, first: earliest };   // an older scan does not undo a later one
  }
}
function remember(list, registrationId, direction, at, first) {
  const seen = store.get(SEEN, {});
  applySeen(seen, list, registrationId, direction, at, first);
  store.set(SEEN, seen);
}
function forget(list, registrationId) {
  const seen = store.get(SEEN, {});
  delete seen[list + '|' + registrationId];
  store.set(SEEN, seen);
}

function roomOccupancy(list) {
  const option = data ? data.lists.find((l) => l.key === list) : null;
  if (!option || !option.capacity) return null;
  const seen = store.get(SEEN, {});
  const inside = Object.keys(seen).filter((k) => k.startsWith(list + '|') && seen[k].inside).length;
  return { inside, capacity: option.capacity, full: inside >= option.capacity };
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
  return { name: person.firstName + ' ' + person.lastName, registrationId: person.id, organisation: person.organisation,
    participantTypeLabel: T['badge.type.' + person.type] || person.type };
}

// ---- one scan --------------------------------------------------------------------------------------
// `input` is { code } or { registrationId }: a fresh object for every scan, nothing carried over.
async function handle(input) {
  const request = { code: input.code || null, registrationId: input.registrationId || null,
    list: listKey(), mode: mode(), nonce: nonce(), event: slug(), scannedAt: now().toISOString() };
  const seq = ++sequence;
  pending(seq);
  if (!offline || navigator.onLine) {
    try {
      const res = await fetch('/api/v1/checkins', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(request) });
      if (res.ok) {
        const answer = await res.json();
        answer.list = request.list;
        setNetwork(false);
        if (answer.outcome === 'ok') remember(request.list, answer.registrationId, request.mode, answer.scannedAt, answer.firstCheckinAt);
        record(request, answer);
        show(answer, seq);
        flush();
        return;
      }
      if (res.status === 401 || res.status === 403) {
        show({ outcome: 'error', message: T['scan.sessionExpired'] }, seq);
        return;
      }
      if (res.status < 500) {
        const problem = await res.json().catch(() => ({}));
        const detail = problem.errors && problem.errors[0] ? problem.errors[0].message : problem.message;
        show({ outcome: 'error', message: T['scan.error'] + ' : ' + (detail || res.status) }, seq);
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
  answer.list = request.list;
  if (answer.outcome !== 'error') {
    const queue = store.get(QUEUE, []);
    // what the door said offline travels with the scan: the sync report tells "let in, then refused" apart
    queue.push({ ...request, offlineOutcome: answer.outcome, name: answer.name || null });
    store.set(QUEUE, queue);
    if (answer.outcome === 'ok') remember(request.list, answer.registrationId, request.mode, request.scannedAt);
  }
  record(request, answer);
  show(answer, seq);
  showQueue();
}

// ---- this device's history, and undo of its last check-in ---------------------------------------------
function record(request, answer) {
  const history = store.get(HISTORY, []);
  history.unshift({ nonce: request.nonce, at: request.scannedAt, list: request.list, mode: request.mode,
    outcome: answer.outcome, name: answer.name || '', registrationId: answer.registrationId || null,
    offline: !!answer.offline, undone: false });
  store.set(HISTORY, history.slice(0, HISTORY_SIZE));
  showHistory();
}

function lastUndoable() {
  return store.get(HISTORY, []).find((h) => h.outcome === 'ok' && h.mode === 'entry' && !h.undone && h.list === listKey());
}

function showHistory() {
  const ol = $('scan-history');
  ol.innerHTML = '';
  for (const h of store.get(HISTORY, []).slice(0, 20)) {
    const li = document.createElement('li');
    li.dataset.outcome = h.undone ? 'undone' : h.outcome;
    li.textContent = hhmm(h.at) + ' · ' + listLabel(h.list) + ' · ' + (h.mode === 'exit' ? T['scan.mode.exit'] : T['scan.mode.entry'])
      + ' · ' + (h.name || '—') + ' · ' + (h.undone ? T['checkin.outcome.undone'] : message(h.outcome, null, h.mode === 'exit'))
      + (h.offline ? ' ' + T['scan.offlineAnswer'] : '');
    ol.appendChild(li);
  }
  const last = lastUndoable();
  $('scan-undo').disabled = !last;
  $('scan-undo-what').textContent = last ? hhmm(last.at) + ' · ' + last.name : '';
}

async function undoLast() {
  const last = lastUndoable();
  if (!last) return;
  const queue = store.get(QUEUE, []);
  const queued = queue.find((s) => s.nonce === last.nonce);
  let answer;
  if (queued) {
    // not sent yet: it is simply not sent
    store.set(QUEUE, queue.filter((s) => s.nonce !== last.nonce));
    answer = { outcome: 'undone', message: T['checkin.outcome.undone'], name: last.name };
  } else {
    try {
      const res = await fetch('/api/v1/checkins/' + encodeURIComponent(last.nonce) + '/undo', { method: 'POST',
        credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const body = await res.json().catch(() => ({}));
      if (!res.ok) {
        const detail = body.errors && body.errors[0] ? body.errors[0].message : res.status;
        show({ outcome: 'error', message: T['scan.error'] + ' : ' + detail });
        return;
      }
      answer = { outcome: 'undone', message: body.message, name: last.name };
    } catch (e) {
      show({ outcome: 'error', message: T['scan.undoOffline'] });
      return;
    }
  }
  forget(last.list, last.registrationId);
  const history = store.get(HISTORY, []);
  history.forEach((h) => { if (h.nonce === last.nonce) h.undone = true; });
  store.set(HISTORY, history);
  sequence++;
  show(answer);
  showHistory();
  showQueue();
}

// ---- the offline queue -----------------------------------------------------------------------------
function showQueue() {
  const count = store.get(QUEUE, []).length;
  const el = $('scan-queue');
  el.dataset.count = String(count);
  el.textContent = count ? count + ' ' + T['scan.queued'] : T['scan.queueEmpty'];
}

function reportLine(scan, result, error) {
  const li = document.createElement('li');
  li.dataset.nonce = scan.nonce;
  const name = (result && result.name) || scan.name || T['scan.unknownPerson'];
  const said = result ? result.message : error ? error.message : '';
  li.textContent = hhmm(scan.scannedAt) + ' · ' + listLabel(scan.list) + ' · '
    + (scan.mode === 'exit' ? T['scan.mode.exit'] : T['scan.mode.entry']) + ' · ' + name + ' · ' + said;
  return li;
}

let flushing = false;
async function flush() {
  const queue = store.get(QUEUE, []);
  if (flushing || !queue.length) return;
  flushing = true;
  try {
    const res = await fetch('/api/v1/checkins/batch', { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ scans: queue.map(({ offlineOutcome, name, ...scan }) => scan) }) });
    if (!res.ok) return;
    const report = await res.json();
    const sent = new Set(queue.map((s) => s.nonce));
    store.set(QUEUE, store.get(QUEUE, []).filter((s) => !sent.has(s.nonce)));   // keep scans made meanwhile
    setNetwork(false);
    const byNonce = new Map(queue.map((s) => [s.nonce, s]));
    let refusedAfter = 0;
    let refusedDoor = 0;
    for (const item of report.results) {
      const scan = byNonce.get(item.nonce);
      if (!scan) continue;
      const accepted = item.result && item.result.accepted;
      if (item.result && item.result.outcome === 'ok') remember(scan.list, item.result.registrationId, scan.mode, scan.scannedAt, item.result.firstCheckinAt);
      if (accepted) continue;
      if (scan.offlineOutcome === 'ok') {
        // let in (or out) at the door, refused now: someone must act (find the person, check the badge)
        $('scan-sync-refused-after').prepend(reportLine(scan, item.result, item.error));
        refusedAfter++;
      } else {
        $('scan-sync-refused-door').prepend(reportLine(scan, item.result, item.error));
        refusedDoor++;
      }
    }
    if (refusedAfter) $('scan-sync-action').hidden = false;
    if (refusedDoor) $('scan-sync-door').hidden = false;
    const li = document.createElement('li');
    li.textContent = hhmm(now().toISOString()) + ' · ' + T['scan.synced'].replace('{0}', report.received)
      .replace('{1}', report.accepted).replace('{2}', refusedAfter).replace('{3}', refusedDoor);
    $('scan-sync-report').prepend(li);
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
    document.body.dataset.camera = 'off';
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
  document.body.dataset.camera = 'on';
  button.textContent = T['scan.cameraStop'];
  // on a phone the preview would open below the fold: bring it to the top, the answer stays pinned below it
  $('scan-camera-box').scrollIntoView({ block: 'start' });
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
    // the same badge held in front of the camera is one scan, not thirty a second: it counts again only once it
    // has been out of sight for a number of frames (frames, not seconds: a busy device analyses fewer of them)
    if (found && found.data) {
      if (found.data !== lastCamera.code) {
        lastCamera = { code: found.data, missing: 0 };
        handle({ code: found.data });
      } else {
        lastCamera.missing = 0;
      }
    } else if (lastCamera.code && ++lastCamera.missing > CAMERA_GONE_FRAMES) {
      lastCamera = { code: null, missing: 0 };
    }
  }
  requestAnimationFrame(tick);
}

// ---- lookup by name or organisation --------------------------------------------------------------
async function lookup(event) {
  event.preventDefault();
  const ul = $('lookup-results');
  ul.innerHTML = '';
  const text = $('lookup-name').value;
  let found = null;
  if (!offline || navigator.onLine) {
    try {
      const res = await fetch('/api/v1/events/' + encodeURIComponent(slug()) + '/checkin-lookup?name='
        + encodeURIComponent(text), { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
      if (res.ok && !res.headers.get('X-Scan-From-Cache')) found = await res.json();
    } catch (e) { /* offline: the roster below */ }
  }
  if (found === null) {
    const words = fold(text).split(' ').filter(Boolean);
    found = words.length ? (data ? data.roster : [])
      .filter((r) => {
        const hay = ' ' + fold(r.firstName + ' ' + r.lastName + ' ' + (r.organisation || '')) + ' ';
        const compact = hay.replace(/ /g, '');
        return words.every((w) => hay.includes(w) || compact.includes(w));
      })
      .sort((a, b) => fold(a.lastName).localeCompare(fold(b.lastName), 'fr') || fold(a.firstName).localeCompare(fold(b.firstName), 'fr'))
      .slice(0, 25).map((r) => ({ registrationId: r.id, firstName: r.firstName, lastName: r.lastName, organisation: r.organisation,
        participantTypeLabel: T['badge.type.' + r.type], status: r.status, statusLabel: T['scan.status.' + r.status],
        admissible: ['CONFIRMED', 'PENDING_PAYMENT'].includes(r.status) && !data.cancelled.includes(r.id) })) : [];
  }
  if (!found.length) {
    ul.innerHTML = '<li></li>';
    ul.firstChild.textContent = T['scan.noResult'];
  }
  for (const person of found) {
    const li = document.createElement('li');
    li.dataset.status = person.status;
    const who = document.createElement('span');
    who.textContent = person.lastName + ', ' + person.firstName + ' — ' + person.participantTypeLabel
      + (person.organisation ? ' — ' + person.organisation : '') + ' ';
    li.appendChild(who);
    const status = document.createElement('span');
    status.className = 'lookup-status';
    status.dataset.status = person.status;
    status.textContent = person.statusLabel || person.status;
    li.appendChild(status);
    if (person.admissible) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = mode() === 'exit' ? T['scan.checkOut'] : T['scan.checkIn'];
      button.addEventListener('click', () => {
        handle({ registrationId: person.registrationId });
        $('scan-code').focus();   // the next badge goes to the code field, not to this button
      });
      li.appendChild(button);
    }
    if (CONFIG.canPrintBadge) {
      const a = document.createElement('a');
      a.href = '/api/v1/registrations/' + person.registrationId + '/badge.pdf?layout=A6';
      a.target = '_blank';
      a.rel = 'noopener';
      a.className = 'lookup-badge';
      a.textContent = T['scan.printBadge'];
      li.appendChild(a);
    }
    ul.appendChild(li);
  }
}

// ---- a handheld scanner types into whatever has the focus ---------------------------------------------
// It "types" the code in a burst of keys and then Enter. Wherever the focus is (a list, a radio button, the
// Entrée button, a "Check in" button, the search field), a burst that ends with Enter and holds a badge code is
// a scan: the keys change no choice, the Enter clicks no button, and the code is taken out of a text field.
// What makes a burst a scan is its content (a signed badge code nobody types by hand), not its speed: a busy
// device can deliver a scanner's keys slower than a person types. A pause of a second starts a new burst.
const burst = { text: '', last: 0 };
const BURST_GAP_MS = 1000;
function isText(el) {
  return el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && /^(text|search|)$/.test(el.type || '')));
}
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const target = event.target;
  const t = event.timeStamp;   // when the key was pressed, not when this busy page got to it
  if (event.key === 'Enter') {
    const text = burst.text;
    burst.text = '';
    const code = CODE_AT_END.exec(text);
    if (!code) return;   // a person pressing Enter: the page's own behaviour
    event.preventDefault();
    event.stopPropagation();
    if (isText(target) && target.value.endsWith(code[0])) {
      target.value = target.value.slice(0, target.value.length - code[0].length);
    }
    handle({ code: code[0] });
    return;
  }
  if (event.key.length !== 1) return;   // Shift, arrows, Tab…
  if (t - burst.last > BURST_GAP_MS) burst.text = '';
  burst.last = t;
  burst.text = (burst.text + event.key).slice(-200);
  // on a list, a radio button or a button, typed characters have no use here but would change a choice
  if (!isText(target) && target !== document.body && target.closest && target.closest('#scan-page')) {
    event.preventDefault();
  }
}, true);

// ---- sign-out: the roster and the scans leave the device with the staff member ---------------------------
async function clearDevice() {
  signingOut = true;
  Object.keys(localStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => localStorage.removeItem(k));
  Object.keys(sessionStorage).filter((k) => k.startsWith(PREFIX)).forEach((k) => sessionStorage.removeItem(k));
  if (window.caches) (await caches.keys()).filter((k) => k.startsWith('rencontres-scan')).forEach((k) => caches.delete(k));
}
document.querySelectorAll('form[action="/logout"]').forEach((form) => form.addEventListener('submit', (event) => {
  if (store.get(QUEUE, []).length && !confirm(T['scan.logoutQueued'])) {
    event.preventDefault();
    return;
  }
  clearDevice();
}));

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
$('scan-list').addEventListener('change', () => { sessionStorage.setItem(PREFIX + 'list', listKey()); showHistory(); });
$('scan-camera').addEventListener('click', toggleCamera);
$('scan-undo').addEventListener('click', undoLast);
$('lookup-form').addEventListener('submit', lookup);
window.addEventListener('online', () => { flush(); refresh(); });
window.addEventListener('offline', () => setNetwork(true));
setInterval(() => { refresh().then(flush); }, REFRESH_MS);
setInterval(showAge, 30000);
if ('serviceWorker' in navigator && CONFIG.serviceWorker) {
  navigator.serviceWorker.register(CONFIG.serviceWorker, { scope: '/staff/scan' }).catch(() => { /* the page works without */ });
}
showQueue();
loadEvent().then(() => {
  showHistory();
  document.body.dataset.scanReady = 'true';   // for people: nothing; for the browser tests: the lists are loaded
  flush();
});

// The setup form (event, list, entry or exit) is never sent: its choices apply at once. A handler here rather than
// an inline onsubmit, which the Content-Security-Policy refuses.
document.getElementById('scan-setup')?.addEventListener('submit', event => event.preventDefault());
