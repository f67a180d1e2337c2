import { defineConfig } from "vite";

// The page is static files; the API base URL comes from /config.js at run time (set per deployment),
// so one build serves every environment.
export default defineConfig({
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    port: 3000,
    proxy: {
      "/chat": "http://127.0.0.1:8000", "/feedback": "http://127.0.0.1:8000", "/health": "http://127.0.0.1:8000",
      "/terms": "http://127.0.0.1:8000",
    },
  },
});
