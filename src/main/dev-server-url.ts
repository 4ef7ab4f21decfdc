/**
 * The Vite dev server the window loads under `electron-vite dev`. Only a development build may
 * honour ELECTRON_RENDERER_URL: `npm start` runs the production bundle unpackaged, and a stray
 * variable there would load a page from anywhere with the app's IPC trust.
 */
export function devServerUrl(
  build: { readonly dev: boolean; readonly packaged: boolean },
  env: NodeJS.ProcessEnv
): string | undefined {
  return build.dev && !build.packaged ? env.ELECTRON_RENDERER_URL || undefined : undefined
}
