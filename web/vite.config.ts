import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The gateway serves the built files at / and is the app's only back end (BFF): `npm run dev` proxies to it.
const gateway = process.env.AMK_GATEWAY ?? 'http://localhost:8080';
const backend = ['/api', '/bff', '/oauth2', '/login', '/logout', '/connect', '/.well-known'];

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false, // registered in src/main.tsx: no inline script (the gateway's CSP forbids it)
      manifest: false, // public/manifest.webmanifest
      workbox: {
        // the app shell only: no API answer (children's data) is ever cached by the service worker
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/bff\//, /^\/oauth2\//, /^\/login/, /^\/logout/, /^\/password/, /^\/connect\//, /^\/actuator/,
          /^\/swagger-ui/, /^\/v3\//, /^\/openapi\//],
        runtimeCaching: [],
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: { proxy: Object.fromEntries(backend.map((path) => [path, { target: gateway, changeOrigin: false }])) },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
