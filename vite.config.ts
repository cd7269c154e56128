import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/*
 * The pages a reviewer needs during a visit, kept by the service worker so they open with no
 * network, even after a reload (docs/decisions/0022-offline-visit.md): the evidence log, the
 * interviews page and the factor reference, and the data their in-app navigations fetch.
 */
// The functions below are copied into the service worker as text: they name nothing from this file.
const TWO_WEEKS = 14 * 24 * 60 * 60;

export default defineConfig(({ isSsrBuild }) => ({
  server: { port: Number(process.env.PORT ?? 3000) },
  build: {
    target: "es2022",
    rollupOptions: {
      // A package's misplaced /*#__PURE__*/ comment (zod's) is only a lost hint, not ours to fix.
      onwarn(warning, warn) {
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/")) return;
        warn(warning);
      },
    },
  },
  /*
   * The server build carries its packages inside it (decision 0033): Node then reads and links one
   * file at start-up instead of some 600, which was most of a restart. Kept outside: the
   * native addons, piscina (it starts its workers from its own files), pg (it may look for
   * pg-native beside itself), and Remix's server runtime, which remix-serve loads anyway.
   */
  ssr: {
    noExternal: true,
    external: ["better-sqlite3", "@node-rs/argon2", "piscina", "pg", "@remix-run/node", "@remix-run/server-runtime"],
  },
  plugins: [
    {
      // React picks its production or development build from NODE_ENV when it loads; bundled, both
      // would be carried (1.5 MB more to read at each start). The server build only ever runs in
      // production (npm start, remix-serve and the test harnesses all set NODE_ENV=production).
      name: "server-react-production",
      enforce: "pre",
      transform(code, id) {
        if (!isSsrBuild || !/\/node_modules\/(react|react-dom|scheduler)\//.test(id)) return null;
        return code.replaceAll("process.env.NODE_ENV", JSON.stringify("production"));
      },
    },
    remix({
      // Every v3 flag is on so the move to React Router v7 is a dependency bump, but lazy route
      // discovery: offline, a link must not need the server to learn its route (decision 0022;
      // React Router v7's `routeDiscovery: { mode: "initial" }`).
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: false,
        v3_routeConfig: true,
      },
    }),
    VitePWA({
      // Remix builds twice: the service worker belongs to the browser build only.
      disable: Boolean(isSsrBuild),
      // Registered by the pages that log evidence (app/offline/outbox-status.tsx), not on every page.
      injectRegister: false,
      registerType: "autoUpdate",
      manifest: {
        name: "Benchmark workbench",
        short_name: "Workbench",
        start_url: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#1d4f7c",
        icons: [{ src: "/favicon.svg", sizes: "any", type: "image/svg+xml" }],
      },
      workbox: {
        // The app's scripts and styles (hashed, public); no page is precached: pages hold a member's data.
        globPatterns: ["assets/**/*.{js,css}", "*.{svg,ico,png,woff2}"],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/(reviews\/[^/]+\/(evidence|interviews)|benchmark\/[^/.]+)\/?$/.test(url.pathname),
            handler: "NetworkFirst",
            method: "GET",
            options: {
              cacheName: "workbench-pages",
              networkTimeoutSeconds: 8,
              // One member's cache (emptied when another signs in): the page whatever its query or headers.
              matchOptions: { ignoreSearch: true, ignoreVary: true },
              expiration: { maxEntries: 40, maxAgeSeconds: TWO_WEEKS },
              // Only the page itself: never a sign-in page reached by a redirect, never an error.
              plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null) }],
            },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /^\/(reviews\/[^/]+\/(evidence|interviews)|benchmark\/[^/]+)\.data$/.test(url.pathname),
            handler: "NetworkFirst",
            method: "GET",
            options: {
              cacheName: "workbench-page-data",
              matchOptions: { ignoreVary: true },
              networkTimeoutSeconds: 8,
              expiration: { maxEntries: 80, maxAgeSeconds: TWO_WEEKS },
              plugins: [
                { cacheWillUpdate: async ({ response }) => (response.status === 200 && !response.redirected ? response : null) },
                {
                  // A reload of one route's data (`?_routes=…`: Remix asks only for the routes that
                  // change) while the server cannot be reached: the page's whole data, kept when it
                  // was last loaded, holds that route's too. Without it the page turns into an error.
                  // (Serialised into the service worker: it must not use anything from this file.)
                  handlerDidError: async ({ request }) => {
                    const url = new URL(request.url);
                    if (!url.searchParams.has("_routes")) return undefined;
                    url.searchParams.delete("_routes");
                    const cache = await caches.open("workbench-page-data");
                    return (await cache.match(url.href, { ignoreVary: true })) ?? undefined;
                  },
                },
              ],
            },
          },
          {
            // Remix's route manifest (which code a link needs): no member data.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === "/__manifest",
            handler: "NetworkFirst",
            method: "GET",
            options: { cacheName: "workbench-manifest", networkTimeoutSeconds: 8, expiration: { maxEntries: 40 } },
          },
        ],
      },
    }),
  ],
}));
