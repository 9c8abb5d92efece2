import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// Built by Maven into the gateway's classes (META-INF/resources), which the gateway serves at /.
// `npm run dev` serves on :5173 (a redirect URI of duban-web) and sends /api and /q to a gateway on :8080.
export default defineConfig({
  // Element Plus components (and v-loading) are imported where a template uses them, with their CSS: each route's
  // chunk carries what it shows, instead of the whole library before the first page.
  plugins: [vue(), Components({ resolvers: [ElementPlusResolver({ importStyle: 'css', directives: true })], dts: false })],
  build: {
    outDir: process.env.DUBAN_CONSOLE_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          return undefined
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:8080',
      '/q': 'http://localhost:8080',
      '/console-config.json': 'http://localhost:8080',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
