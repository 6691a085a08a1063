import { defineConfig } from "vite";

// The web app lives in src/web and is built into dist/web, which the server serves.
export default defineConfig({
  root: "src/web",
  publicDir: false,
  build: { outDir: "../../dist/web", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
