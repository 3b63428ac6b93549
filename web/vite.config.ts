import { defineConfig } from 'vite';

// Built into dist/web by `npm run build`; the NestJS process serves it. `npm run web:dev` proxies
// the API to a Rampart started with `npm start` on port 3000.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      // react-router marks itself "use client" for server-component bundlers; a browser-only build has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
