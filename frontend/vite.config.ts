/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import type { Plugin } from 'vite';

const api = process.env.ATVEJIS_API ?? 'http://127.0.0.1:8080';

/**
 * `virtual:login-texts/<lang>`: the part of `src/i18n/<lang>.json` the login
 * page shows (loaded before the first render); the whole file loads with the
 * shell after login. One file per language stays the translators' source.
 */
function loginTexts(): Plugin {
  const prefix = 'virtual:login-texts/';
  return {
    name: 'atvejis-login-texts',
    resolveId: (id) => (id.startsWith(prefix) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const language = id.slice(prefix.length + 1);
      if (!/^[a-z]{2}$/.test(language)) throw new Error(`no language ${language}`);
      const file = fileURLToPath(new URL(`./src/i18n/${language}.json`, import.meta.url));
      this.addWatchFile(file);
      const all = JSON.parse(readFileSync(file, 'utf8'));
      // Field errors are for forms after login; the rest of `errors` can
      // reach the login page (network, throttling, server problems).
      const errors = Object.fromEntries(Object.entries(all.errors).filter(([key]) => key !== 'fields'));
      const texts = { app: all.app, lang: all.lang, common: all.common, login: all.login, errors };
      return `export default ${JSON.stringify(texts)};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), loginTexts()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
      '/readyz': api,
    },
  },
  build: {
    sourcemap: true,
    // scripts/check-bundle.mjs reads it: the login page's JavaScript has a budget.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // Form tests drive Mantine through user-event; on a busy 2-core CI
    // machine a large form takes seconds. Correctness, not speed, is tested.
    testTimeout: 20_000,
  },
});
