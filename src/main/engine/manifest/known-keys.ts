/** Keys cargo understands in each table; anything else earns an "unused manifest key" warning. */

// prettier-ignore
export const TOP_LEVEL_KEYS = new Set([
  'cargo-features', 'package', 'project', 'lib', 'bin', 'example', 'test', 'bench', 'dependencies',
  'dev-dependencies', 'dev_dependencies', 'build-dependencies', 'build_dependencies', 'target', 'features',
  'profile', 'workspace', 'patch', 'replace', 'badges', 'lints', 'hints'
])

// prettier-ignore
export const PACKAGE_KEYS = new Set([
  'name', 'version', 'authors', 'edition', 'rust-version', 'description', 'documentation', 'readme',
  'homepage', 'repository', 'license', 'license-file', 'keywords', 'categories', 'workspace', 'build',
  'links', 'exclude', 'include', 'publish', 'metadata', 'default-run', 'autobins', 'autoexamples',
  'autotests', 'autobenches', 'autolib', 'resolver', 'forced-target', 'metabuild', 'im-a-teapot', 'badges'
])

// prettier-ignore
export const TARGET_KEYS = new Set([
  'name', 'path', 'test', 'doctest', 'bench', 'doc', 'doc-scrape-examples', 'plugin', 'proc-macro',
  'proc_macro', 'harness', 'crate-type', 'crate_type', 'edition', 'required-features', 'filename'
])

// prettier-ignore
export const DEPENDENCY_KEYS = new Set([
  'version', 'registry', 'registry-index', 'path', 'git', 'branch', 'tag', 'rev', 'features', 'optional',
  'default-features', 'default_features', 'package', 'public', 'artifact', 'lib', 'target', 'workspace', 'base'
])

// prettier-ignore
export const PROFILE_KEYS = new Set([
  'opt-level', 'lto', 'codegen-backend', 'codegen-units', 'debug', 'split-debuginfo', 'debug-assertions',
  'rpath', 'panic', 'overflow-checks', 'incremental', 'dir-name', 'inherits', 'strip', 'rustflags',
  'package', 'build-override', 'trim-paths'
])
