// Service worker for the installable dashboard. A Blazor Server app cannot work without its server, so this worker
// only makes the app installable, keeps its static files close, and shows offline.html when the server is
// unreachable. It never touches the live parts: the circuit (/_blazor), the SignalR hub (/hubs) and the HTTP API
// (/api), nor any request that is not a GET.
//
// Cache version: the page registers this file as /sw.js?v=VERSION, where VERSION is a hash the server computes
// from its static asset manifest (every asset's content-based URL and integrity, see ServiceWorkerVersion.cs).
// Any deploy that changes any static file (or the worker itself) therefore changes the script URL, which makes the
// browser install this worker again under a new cache name, and the old cache is deleted on activate. A build
// stamp written into this file was the alternative; it would need a publish step that rewrites wwwroot, and would
// change the cache even when nothing cached had changed.
"use strict";

const VERSION = new URL(self.location.href).searchParams.get("v") || "unversioned";
const CACHE_PREFIX = "homelab-";
const CACHE = `${CACHE_PREFIX}${VERSION}`;
const OFFLINE_PAGE = "/offline.html";

// Fetched at install, so the offline page and the installed app's icons are there before the first failure.
const PRECACHE = [
  OFFLINE_PAGE,
  "/js/offline.js",
  "/manifest.webmanifest",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-192.png",
  "/icons/icon-maskable-512.png",
];

// Live endpoints: never answered from, nor written to, the cache.
const LIVE_PREFIXES = ["/_blazor", "/hubs", "/api"];

// Static files: fingerprinted framework and library files, plus our own wwwroot folders.
const STATIC_PREFIXES = ["/_framework/", "/_content/", "/css/", "/js/", "/icons/"];
const STATIC_FILES = [OFFLINE_PAGE, "/manifest.webmanifest"];

const underPrefix = (path, prefix) => path === prefix || path.startsWith(`${prefix}/`);
const isLive = (path) => LIVE_PREFIXES.some((prefix) => underPrefix(path, prefix));
const isStatic = (path) => STATIC_FILES.includes(path) || STATIC_PREFIXES.some((prefix) => path.startsWith(prefix));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // "reload" skips the HTTP cache, so a new version never precaches an old file.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
    // A new deploy takes over at once: the old worker only served files the new server no longer has.
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    // Pages opened before this worker existed are controlled from now on, without a second reload.
    await self.clients.claim();
  })());
});

// The page sends the static files it loaded (its app shell: styles and scripts), so they are cached even when the
// page fetched them before this worker controlled it.
self.addEventListener("message", (event) => {
  if (event.data?.type !== "cache-shell" || !Array.isArray(event.data.urls)) {
    return;
  }

  const urls = event.data.urls
    .map((value) => new URL(value, self.location.origin))
    .filter((url) => url.origin === self.location.origin && isStatic(url.pathname) && !isLive(url.pathname))
    .map((url) => url.href);
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    for (const url of urls) {
      if (!(await cache.match(url))) {
        try {
          await cache.add(url);
        } catch {
          // One missing file must not stop the others; it is fetched again on its next use.
        }
      }
    }
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }

  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isLive(url.pathname)) {
    return;
  }

  if (request.mode === "navigate") {
    event.respondWith(networkThenOfflinePage(request));
  } else if (isStatic(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
  // Anything else (health checks, sign-in, downloads) goes to the network as if there were no worker.
});

// Pages are live and per-user, so they are never cached: the network answers, and only when it cannot be reached
// does the offline page stand in.
async function networkThenOfflinePage(request) {
  try {
    return await fetch(request);
  } catch {
    const offline = await caches.match(OFFLINE_PAGE);
    return offline ?? new Response("The dashboard is offline.", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) {
    return cached;
  }

  const response = await fetch(request);
  if (response.ok && response.type === "basic" && !request.headers.has("range")) {
    await cache.put(request, response.clone());
  }

  return response;
}
