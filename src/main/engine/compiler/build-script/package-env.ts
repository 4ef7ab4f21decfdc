/**
 * The `CARGO_PKG_*` and `CARGO_MANIFEST_*` variables cargo sets for every process it starts
 * for a package (`Compilation::fill_env`): rustc, build scripts, `cargo run`, tests.
 */
import { parseVersion } from '@shared/rules/semver'
import type { PackageMeta } from '../../manifest/model'

/** The manifest fields the variables come from. */
export type PackageEnvMeta = Pick<
  PackageMeta,
  | 'name'
  | 'version'
  | 'authors'
  | 'description'
  | 'homepage'
  | 'repository'
  | 'license'
  | 'licenseFile'
  | 'rustVersion'
  | 'readme'
>

/** Missing fields are set to the empty string, as cargo does, so `env!` always compiles. */
export function packageEnv(
  pkg: PackageEnvMeta,
  manifestDir: string,
  manifestPath: string
): Record<string, string> {
  const v = parseVersion(pkg.version)
  return {
    CARGO_MANIFEST_DIR: manifestDir,
    CARGO_MANIFEST_PATH: manifestPath,
    CARGO_PKG_NAME: pkg.name,
    CARGO_PKG_VERSION: pkg.version,
    CARGO_PKG_VERSION_MAJOR: v?.major ?? '0',
    CARGO_PKG_VERSION_MINOR: v?.minor ?? '0',
    CARGO_PKG_VERSION_PATCH: v?.patch ?? '0',
    CARGO_PKG_VERSION_PRE: v?.pre ?? '',
    CARGO_PKG_AUTHORS: pkg.authors.join(':'),
    CARGO_PKG_DESCRIPTION: pkg.description ?? '',
    CARGO_PKG_HOMEPAGE: pkg.homepage ?? '',
    CARGO_PKG_REPOSITORY: pkg.repository ?? '',
    CARGO_PKG_LICENSE: pkg.license ?? '',
    CARGO_PKG_LICENSE_FILE: pkg.licenseFile ?? '',
    CARGO_PKG_RUST_VERSION: pkg.rustVersion ?? '',
    CARGO_PKG_README: pkg.readme ?? ''
  }
}
