// The scanning page's service worker (served at /staff/scan-sw.js, scope /staff/scan): the page opens without
// network, from a cold start. It keeps the page, its scripts and styles, and the event's scanner data (public key,
// revocation list, roster). The page and the data: network first, the kept copy when the network fails (marked
// X-Scan-From-Cache so the page knows it is offline). Scripts and styles: the kept copy, refreshed behind.
// Check-ins and their changes are never cached: they go to the network or fail (the page queues them).
// Signing out clears it all (the page deletes the caches; the service answers Clear-Site-Data).
const CACHE = 'rencontres-scan-v1';
const PAGE = '/staff/scan';
const SHELL = [PAGE, '/assets/scan.js', '/assets/scan.css', '/assets/site.css', '/assets/vendor/jsqr/jsQR.js',
  '/assets/vendor/noble-ed25519/ed25519.js', '/assets/scan.webmanifest', '/assets/scan-icon.svg'];
const DATA = /^\/api\/v1\/events\/[^/]+\/scanner-data$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL.map((url) =>
    new Request(url, { credentials: 'same-origin', cache: 'reload' })))).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys
    .filter((k) => k.startsWith('rencontres-scan') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function fromCache(request, key) {
  return caches.open(CACHE).then((cache) => cache.match(key || request, { ignoreSearch: !key && request.mode === 'navigate' }))
    .then((found) => {
      if (!found) return Response.error();
      const headers = new Headers(found.headers);
      headers.set('X-Scan-From-Cache', 'true');
      return found.blob().then((body) => new Response(body, { status: found.status, statusText: found.statusText, headers }));
    });
}

// network first; a good answer (not a redirect to the sign-in page) replaces the kept copy
function networkFirst(request, key) {
  return fetch(request).then((response) => {
    if (response.ok && !response.redirected && response.type === 'basic') {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(key || request, copy));
    }
    return response;
  }).catch(() => fromCache(request, key));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(networkFirst(request, PAGE));
  } else if (DATA.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.open(CACHE).then((cache) => cache.match(url.pathname).then((kept) => {
      const fresh = fetch(request).then((response) => {
        if (response.ok) cache.put(url.pathname, response.clone());
        return response;
      });
      return kept || fresh;
    })));
  }
});
