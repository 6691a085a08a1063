import { defineConfig } from "vitest/config";

// Browser journeys against the built app (npm run build first), one server per file.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
