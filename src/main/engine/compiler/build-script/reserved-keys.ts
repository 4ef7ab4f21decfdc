/**
 * The instruction keys the old `cargo:KEY=VALUE` syntax reserves; any other key there is `links`
 * metadata. Fixed forever by backwards compatibility: new instructions exist only as `cargo::`.
 */
export const RESERVED_PREFIXES: readonly string[] = [
  'rustc-flags=',
  'rustc-link-lib=',
  'rustc-link-search=',
  'rustc-link-arg-cdylib=',
  'rustc-cdylib-link-arg=',
  'rustc-link-arg-bins=',
  'rustc-link-arg-bin=',
  'rustc-link-arg-tests=',
  'rustc-link-arg-benches=',
  'rustc-link-arg-examples=',
  'rustc-link-arg=',
  'rustc-cfg=',
  'rustc-check-cfg=',
  'rustc-env=',
  'warning=',
  'rerun-if-changed=',
  'rerun-if-env-changed='
]

/** Whether an old-syntax line (after `cargo:`) is an instruction rather than metadata. */
export function hasReservedPrefix(data: string): boolean {
  return RESERVED_PREFIXES.some((p) => data.startsWith(p))
}
