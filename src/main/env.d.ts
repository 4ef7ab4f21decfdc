// What electron-vite (Vite) replaces in the main bundle at build time. Declared here because
// the main process does not load `vite/client` types (they describe a browser).
interface ImportMetaEnv {
  /** True under `electron-vite dev`, false in every built bundle (`npm start`, packaged apps). */
  readonly DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
