import { defineConfig } from "vite";
import { serviceWorkerPlugin } from "./scripts/service-worker-plugin.js";

// The web app lives in src/web and is built into dist/web, which the server serves.
export default defineConfig({
  root: "src/web",
  publicDir: false,
  // /sw.js keeps the app shell so that the phone mode opens offline.
  plugins: [serviceWorkerPlugin()],
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
