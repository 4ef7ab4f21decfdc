import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Bundled rather than loaded from node_modules file by file: as separate modules these
      // cost a CLI start (zod, smol-toml) or its first process (execa) 50–70 ms each (bench).
      externalizeDeps: { exclude: ['zod', 'smol-toml', 'execa'] },
      rolldownOptions: {
        // One build, two entries: the Electron shell and the CLI (which also serves browser mode).
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/index.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false }
      }
    }
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') }
      }
    }
  }
})
