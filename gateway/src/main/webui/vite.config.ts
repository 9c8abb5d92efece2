import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Built by Maven into the gateway's classes (META-INF/resources), which the gateway serves at /.
// `npm run dev` serves on :5173 (a redirect URI of duban-web) and sends /api and /q to a gateway on :8080.
export default defineConfig({
  plugins: [vue()],
  build: {
    outDir: process.env.DUBAN_CONSOLE_OUT ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus') || id.includes('node_modules/@element-plus')) return 'element-plus'
          if (id.includes('node_modules')) return 'vendor'
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
