/** Fixtures for `cargo metadata`: every package field, target kind and dependency form. */

/**
 * Every `[package]` field cargo prints, targets of each kind (declared and discovered, with
 * required features, a cdylib+rlib library, an example library, a bench), normalized and
 * triple platform tables, a git-less path dependency with a version, and a proc-macro path
 * package.
 */
export const FIELDS_FIXTURE: Readonly<Record<string, string>> = {
  'Cargo.toml': `[package]
name = "fields"
version = "1.2.3-beta.1+build.5"
edition = "2018"
authors = ["One <one@example.com>", "Two"]
description = "Every field"
documentation = "https://docs.example.com"
homepage = "https://example.com"
repository = "https://example.com/repo"
license-file = "LICENSE.txt"
readme = "docs/README.md"
keywords = ["x"]
categories = []
publish = false
links = "fields"
default-run = "zed"
rust-version = "1.70.0"
build = "build/main.rs"

[package.metadata.release]
sign = true
level = 3
names = ["a", "b"]
nested = { deep = { x = "y" } }

[lib]
crate-type = ["cdylib", "rlib"]
doctest = false

[[bin]]
name = "zed"
path = "src/main.rs"

[[bin]]
name = "alpha"
path = "src/alpha.rs"
required-features = ["extra"]
test = false

[[example]]
name = "plugin"
crate-type = ["cdylib"]

[[bench]]
name = "speed"
harness = false

[dependencies]
pm = { path = "pm", version = "0.3" }
itoa = { version = ">= 1.0, < 2", default-features = false, features = [] }
serde = { version = "=1.0.152", optional = true, features = ["derive", "rc"] }

[target.'cfg(all(unix, target_os="linux"))'.dependencies]
memchr = { version = "2.5", default-features = false }

[target.x86_64-unknown-linux-gnu.build-dependencies]
cc = "~1.0"

[features]
extra = ["serde?/std"]
"2021" = []
`,
  'LICENSE.txt': 'license\n',
  'docs/README.md': '# fields\n',
  'src/lib.rs': '',
  'src/main.rs': 'fn main() {}\n',
  'src/alpha.rs': 'fn main() {}\n',
  'src/bin/beta.rs': 'fn main() {}\n',
  'examples/plugin.rs': '',
  'examples/zz/main.rs': 'fn main() {}\n',
  'benches/speed.rs': 'fn main() {}\n',
  'tests/t1.rs': '',
  'build/main.rs': 'fn main() {}\n',
  'pm/Cargo.toml': `[package]
name = "pm"
version = "0.3.1"
edition = "2021"
readme = "README.txt"

[lib]
proc-macro = true
`,
  'pm/src/lib.rs': '',
  'pm/README.txt': 'pm\n'
}

/** An edition-2018 root without `resolver`: resolver 1 and its command-line feature rules. */
export const RESOLVER1_FIXTURE: Readonly<Record<string, string>> = {
  'Cargo.toml': `[package]
name = "old"
version = "0.0.1"
authors = []

[dependencies]
dep1 = { path = "dep1" }
log = { version = "0.4", features = ["std"] }

[build-dependencies]
dep1 = { path = "dep1", features = ["build"] }
`,
  'src/lib.rs': '',
  README: 'old\n',
  'dep1/Cargo.toml': `[package]
name = "dep1"
version = "0.1.0"

[features]
extra = []
build = []
`,
  'dep1/src/lib.rs': ''
}

/**
 * A proc-macro root (built for the host and, for its tests, for the target), a library whose
 * crate name differs from the package name, and features that reach through a dependency to
 * switch on that dependency's optional dependency.
 */
export const PROC_MACRO_ROOT_FIXTURE: Readonly<Record<string, string>> = {
  'Cargo.toml': `[package]
name = "my-macros"
version = "0.1.0"
edition = "2024"

[lib]
proc-macro = true

[dependencies]
helper = { path = "helper", package = "helper-pkg" }
quote = "1"

[dev-dependencies]
helper = { path = "helper", package = "helper-pkg", features = ["fast"] }

[features]
all = ["helper/fast"]
`,
  'src/lib.rs': '',
  'helper/Cargo.toml': `[package]
name = "helper-pkg"
version = "0.2.0"
edition = "2021"

[lib]
name = "helper_lib"

[dependencies]
memchr = { version = "2", optional = true, default-features = false }
itoa = { version = "1", optional = true }

[features]
fast = ["memchr/std", "num"]
num = ["dep:itoa"]
`,
  'helper/src/lib.rs': ''
}
