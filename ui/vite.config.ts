/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The app is loaded by Tauri from local files: relative asset paths, no
// sourcemaps, nothing fetched at run time (every dependency is bundled).
export default defineConfig({
  plugins: [svelte()],
  // Component tests mount Svelte in jsdom: its browser build, not the server one.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  base: "./",
  clearScreen: false,
  server: { strictPort: true, port: 5173 },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
