/**
 * Registers the service worker that keeps the app shell for offline use (built as /sw.js by the
 * Vite plugin in scripts/service-worker-plugin.ts). The development server has none: nothing happens.
 */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.register("/sw.js").catch(() => undefined);
}
