import { defineConfig } from "vite";

// No React plugin: esbuild compiles the TSX with the automatic runtime ("jsx": "react-jsx" in tsconfig.json).
// `node server.mjs --dev` runs this config in middleware mode; `vite build` writes dist/ for `node server.mjs`.
export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries start with "use client", which only means something to server-component bundlers.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE" && warning.message.includes("use client")) return;
        if (warning.code === "SOURCEMAP_ERROR") return;
        warn(warning);
      },
    },
  },
});
