/**
 * Path confinement shared by every place that serves or opens a file on someone else's behalf
 * (browser mode, the app:// protocol, open in editor), so they all agree on what "inside" means.
 */
export { isInside } from './engine/tools/paths'
