/** Where the dynamic loader looks for libraries, per platform: programs built with dylibs in target/ need it. */
export function libraryPathVariable(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'PATH'
  return platform === 'darwin' ? 'DYLD_FALLBACK_LIBRARY_PATH' : 'LD_LIBRARY_PATH'
}
