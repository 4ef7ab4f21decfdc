/**
 * The origin of a URL, including custom schemes: WHATWG URL gives `app://crate-studio/…` an
 * opaque "null" origin, while Chromium (for a standard scheme) uses scheme://host.
 */
export function originOf(url: string): string | undefined {
  try {
    const u = new URL(url)
    if (u.origin !== 'null') return u.origin
    return u.host ? `${u.protocol}//${u.host}` : undefined
  } catch {
    return undefined
  }
}
