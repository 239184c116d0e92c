// TeleHealth Ready service worker: saved modules for offline reading, and a queue of lesson
// completions made offline, sent once (each with its idempotency key) when the link returns.
// Plain JavaScript with no build step and no dependencies, so it stays a few kilobytes.
/* eslint-env serviceworker */
'use strict';

const SAVED = 'saved-pages-v1'; // documents and progress answers the learner chose to keep
const ASSETS = 'assets-v1'; // /_next/static: content-hashed, never changes
const SHELL = 'shell-v1'; // the offline fallback page
const OFFLINE_URL = '/offline';
const DB_NAME = 'telehealth-sync';
const QUEUE = 'queue';
const PROGRESS = /^\/api\/progress\/modules\/[a-z0-9-]+$/;
const NAVIGATION_TIMEOUT_MS = 4000;
const SEARCH_PAGE = '/search';
const SEARCH_INDEX = '/search-index/'; // named by a hash of its bytes: never changes

// Installing and activating stay short: a page that navigates meanwhile is not controlled by this
// worker until its next load, and fetches wait while it activates. What can wait (the offline
// page's scripts, pruning, sending the queue) runs once it is active.
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.add(new Request(OFFLINE_URL, { cache: 'reload' })))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SAVED, ASSETS, SHELL]);
  const ready = caches
    .keys()
    .then((names) => Promise.all(names.filter((n) => !keep.has(n)).map((n) => caches.delete(n))))
    .then(() => self.clients.claim());
  event.waitUntil(ready);
  // Best effort, outside activation: each also runs again on the next save, removal or flush.
  ready.then(housekeeping);
});

async function housekeeping() {
  await keepShellAssets().catch(() => undefined);
  await pruneAssets().catch(() => undefined);
  await flush().catch(() => undefined);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && PROGRESS.test(url.pathname)) {
    event.respondWith(postProgress(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.pathname.startsWith('/_next/static/')) event.respondWith(cacheFirst(request));
  else if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (PROGRESS.test(url.pathname)) event.respondWith(getProgress(request));
  else if (url.pathname.startsWith(SEARCH_INDEX)) event.respondWith(searchIndex(request));
});

self.addEventListener('sync', (event) => {
  if (event.tag === 'progress') event.waitUntil(flush());
});

self.addEventListener('message', (event) => {
  const message = event.data || {};
  const reply = (data) => (event.ports[0] ? event.ports[0].postMessage(data) : undefined);
  const work =
    message.type === 'save'
      ? saveUrls(message.urls || [], reply).then(pruneAssets)
      : message.type === 'remove'
        ? removeUrls(message.urls || []).then(pruneAssets).then(() => reply({ type: 'removed' }))
        : message.type === 'flush'
          ? flush().then((sent) => queueState(sent).then(reply))
          : message.type === 'discard-other-account'
            ? discardOtherAccount().then(() => queueState(0).then(reply))
            : queueState(0).then(reply);
  event.waitUntil(work);
});

/** Content-hashed assets: from the cache when there, else from the network (and kept). */
async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: ASSETS });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(ASSETS).then((cache) => cache.put(request, copy));
  }
  return response;
}

/**
 * Pages: the network first, so a learner online always sees the current page; a saved copy when
 * the network fails, or is too slow and a saved copy exists; otherwise the offline page.
 */
async function navigate(request) {
  const saved = await caches.match(request, { cacheName: SAVED, ignoreSearch: true });
  const network = fetch(request).then(async (response) => {
    if (saved && response.ok) {
      const cache = await caches.open(SAVED);
      await cache.put(stripSearch(request.url), response.clone());
    }
    return response;
  });
  try {
    if (!saved) return await network;
    return await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS).then(() => saved)]);
  } catch {
    return saved || (await caches.match(OFFLINE_URL, { cacheName: SHELL })) || new Response('You are offline.', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
}

/** A module's completed lessons: live when online (and kept if saved), else the kept answer plus what is queued. */
async function getProgress(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (await caches.match(request, { cacheName: SAVED }))) {
      const cache = await caches.open(SAVED);
      await cache.put(request, response.clone());
    }
    return response;
  } catch {
    const cached = await caches.match(request, { cacheName: SAVED });
    const known = cached ? await cached.json() : { signedIn: true, completed: [] };
    const queued = (await allQueued()).filter((e) => e.url === request.url).map((e) => e.lesson);
    return json({ ...known, queued, offline: true }, 200);
  }
}

/**
 * Marking a lesson complete: sent at once when possible; when the network fails the request is
 * queued on the device with an idempotency key, and the page is told it is waiting to sync.
 */
async function postProgress(request) {
  const key = request.headers.get('idempotency-key') || crypto.randomUUID();
  const contentType = request.headers.get('content-type') || 'application/json';
  const body = await request.clone().text();
  try {
    // Online, the request goes as it is (a plain form post stays a navigation and follows its redirect).
    return await fetch(request);
  } catch {
    const lesson = lessonOf(body, contentType);
    await enqueue({ key, url: request.url, body, contentType, lesson, account: await accountFor(request.url), at: Date.now() });
    if (self.registration.sync) self.registration.sync.register('progress').catch(() => undefined);
    broadcast();
    if (contentType.includes('application/x-www-form-urlencoded')) return queuedPage(request.url);
    return json({ completed: false, queued: true, lesson }, 202);
  }
}

/** Sends every queued completion, oldest first; stops at the first network failure. Returns how many were delivered. */
async function flush() {
  let sent = 0;
  for (const entry of await allQueued()) {
    let response;
    try {
      response = await fetch(entry.url, {
        method: 'POST',
        credentials: 'same-origin',
        redirect: 'manual',
        headers: {
          'content-type': entry.contentType,
          'idempotency-key': entry.key,
          'x-queued-at': String(entry.at),
          ...(entry.account ? { 'x-queued-for': entry.account } : {}),
        },
        body: entry.body,
      });
    } catch {
      break;
    }
    // Delivered (or refused for good, such as a lesson that no longer exists): drop it. Signed out,
    // someone else signed in on this phone (403), rate limited or a server error: keep it for later,
    // noting why it waits when the learner can act on it (sign in; or it is another account's).
    const keep = response.status === 401 || response.status === 403 || response.status === 429 || response.status >= 500;
    if (!keep) {
      await dequeue(entry.key);
      if (response.ok || response.type === 'opaqueredirect') sent++;
    } else {
      const held = response.status === 401 ? 'signed-out' : response.status === 403 && (await refusalCode(response)) === 'other-account' ? 'other-account' : null;
      if (held !== (entry.held || null)) await withStore('readwrite', (store) => store.put({ ...entry, held }));
    }
  }
  broadcast(sent);
  return sent;
}

async function refusalCode(response) {
  try {
    return (await response.json()).code || null;
  } catch {
    return null;
  }
}

/** On a shared phone: drops the completions another account queued here, when whoever holds the phone chooses to. */
async function discardOtherAccount() {
  for (const entry of await allQueued()) if (entry.held === 'other-account') await dequeue(entry.key);
  broadcast();
}

/**
 * What waits on this device: completions to send, those waiting for someone to sign in, and those
 * another account queued (sent when that account signs in here). `sent`: delivered by the last flush.
 */
async function queueState(sent) {
  const entries = await allQueued();
  const count = (held) => entries.filter((e) => (e.held || null) === held).length;
  return { type: 'queue', pending: count(null), signedOut: count('signed-out'), otherAccount: count('other-account'), sent };
}

/** Saves pages for offline (and every script and stylesheet they load), reporting progress as it goes. */
async function saveUrls(urls, reply) {
  const cache = await caches.open(SAVED);
  const assets = await caches.open(ASSETS);
  let bytes = 0;
  let done = 0;
  const failed = [];
  for (const url of urls) {
    try {
      const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const text = await response.clone().text();
      bytes += text.length;
      await cache.put(url, response);
      bytes += await keepAssets(text, assets);
    } catch {
      failed.push(url);
    }
    done++;
    reply({ type: 'save-progress', done, total: urls.length, bytes });
  }
  // The offline page lists what is saved: keep it current with this release too.
  await cacheShell().catch(() => undefined);
  reply({ type: 'saved', done, total: urls.length, bytes, failed });
}

/**
 * Keeps the build files a page loads that the cache lacks, then the chunks its scripts load on
 * demand (the breath-count trainer opens only when pressed, and must open offline too); returns
 * the bytes fetched.
 */
async function keepAssets(html, assets) {
  let bytes = 0;
  const keep = async (asset) => {
    if (await assets.match(asset)) return;
    const got = await fetch(asset);
    if (got.ok) {
      bytes += Number(got.headers.get('content-length') || 0);
      await assets.put(asset, got);
    }
  };
  const direct = assetsIn(html);
  for (const asset of direct) await keep(asset);
  for (const chunk of await onDemandChunks(direct, assets)) await keep(chunk);
  return bytes;
}

/**
 * The chunks that a page's own scripts load on demand, as Turbopack names them inside those
 * scripts ("static/chunks/…js"). One level only: a page's dynamic imports, not what those load in
 * turn (the video player's streaming engines, hundreds of kilobytes, are never kept).
 */
async function onDemandChunks(direct, assets) {
  const chunks = new Set();
  for (const asset of direct) {
    if (!asset.endsWith('.js')) continue;
    const cached = await assets.match(asset);
    if (!cached) continue;
    for (const name of (await cached.text()).match(/["']static\/chunks\/[\w.-]+\.js["']/g) || []) chunks.add(`/_next/${name.slice(1, -1)}`);
  }
  return chunks;
}

/** The offline page afresh (it lists the saved modules, so it needs its scripts as well as its HTML). */
async function cacheShell() {
  const response = await fetch(new Request(OFFLINE_URL, { cache: 'reload' }));
  if (!response.ok) throw new Error(`offline page: ${response.status}`);
  await (await caches.open(SHELL)).put(OFFLINE_URL, response);
  await keepShellAssets();
}

/** The scripts and stylesheet of the kept offline page. */
async function keepShellAssets() {
  const shell = await caches.match(OFFLINE_URL, { cacheName: SHELL });
  if (shell) await keepAssets(await shell.text(), await caches.open(ASSETS));
}

/** The scripts, stylesheets and other build files a page loads (named in its HTML and its RSC payload). */
function assetsIn(html) {
  return new Set(html.match(/\/_next\/static\/[^"'\s)\\]+/g) || []);
}

/**
 * Keeps the asset cache to what saved pages and the offline page load (with the chunks their
 * scripts load on demand). Files of a module no
 * longer saved, of an earlier release, or of pages only browsed go; so the device's storage stays
 * what the learner chose to keep. Runs after each save and removal, and when a new worker starts.
 */
async function pruneAssets() {
  const needed = new Set();
  for (const name of [SAVED, SHELL]) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response || !(response.headers.get('content-type') || '').includes('text/html')) continue;
      const direct = assetsIn(await response.text());
      for (const asset of [...direct, ...(await onDemandChunks(direct, await caches.open(ASSETS)))]) needed.add(new URL(asset, self.location.origin).href);
    }
  }
  const assets = await caches.open(ASSETS);
  for (const request of await assets.keys()) if (!needed.has(request.url)) await assets.delete(request);
}

async function removeUrls(urls) {
  const cache = await caches.open(SAVED);
  await Promise.all(urls.map((u) => cache.delete(u)));
  // Search is kept with saved modules: with the last of them gone, it goes too.
  const keys = await cache.keys();
  if (!keys.some((r) => new URL(r.url).pathname.startsWith('/modules/'))) {
    await Promise.all(keys.filter((r) => isSearchUrl(r.url)).map((r) => cache.delete(r)));
  }
}

function isSearchUrl(href) {
  const path = new URL(href).pathname;
  return path === SEARCH_PAGE || path.startsWith(SEARCH_INDEX);
}

/**
 * The search index: the saved copy when there is one (its name is its content), else the network.
 * While search is saved on this device, a newer build's index replaces the saved one, so the
 * saved search page (refreshed by `navigate`) always finds the index it names.
 */
async function searchIndex(request) {
  const saved = await caches.match(request, { cacheName: SAVED });
  if (saved) return saved;
  const response = await fetch(request);
  const cache = await caches.open(SAVED);
  if (response.ok && (await cache.match(SEARCH_PAGE))) {
    for (const old of await cache.keys()) if (new URL(old.url).pathname.startsWith(SEARCH_INDEX)) await cache.delete(old);
    await cache.put(request, response.clone());
  }
  return response;
}

/** Whose completion this is: the account in the module's saved progress answer (a shared phone may have several). */
async function accountFor(url) {
  try {
    const saved = await caches.match(url, { cacheName: SAVED });
    return saved ? (await saved.json()).account || null : null;
  } catch {
    return null;
  }
}

function lessonOf(body, contentType) {
  try {
    if (contentType.includes('application/json')) return JSON.parse(body).lesson || null;
    return new URLSearchParams(body).get('lesson');
  } catch {
    return null;
  }
}

function queuedPage(url) {
  const back = new URL(url).pathname.replace('/api/progress', '');
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Saved on this device</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>Saved on this device</h1><p>You are offline. The lesson is marked complete here and will be sent once when your connection returns.</p><p><a href="${back}">Back to the module</a></p></body></html>`;
  return new Response(html, { status: 202, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function json(data, status) {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

function stripSearch(url) {
  const u = new URL(url);
  u.search = '';
  return u.toString();
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Tells every open page what is waiting (and how many a flush just delivered). */
async function broadcast(sent = 0) {
  const state = await queueState(sent);
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage(state);
}

// IndexedDB, by hand: one store of queued requests keyed by their idempotency key.
function openDb() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(QUEUE, { keyPath: 'key' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function withStore(mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(QUEUE, mode);
    const result = fn(tx.objectStore(QUEUE));
    tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Queues a completion unless the same lesson is already waiting (a tap racing the end-of-lesson
 * mark, say); the check and the write share one transaction, so two racing requests queue one.
 */
async function enqueue(entry) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(QUEUE, 'readwrite');
    const store = tx.objectStore(QUEUE);
    const all = store.getAll();
    all.onsuccess = () => {
      if (!all.result.some((e) => e.url === entry.url && e.lesson === entry.lesson)) store.put(entry);
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
const dequeue = (key) => withStore('readwrite', (store) => store.delete(key));
const allQueued = async () => ((await withStore('readonly', (store) => store.getAll())) || []).sort((a, b) => a.at - b.at);
