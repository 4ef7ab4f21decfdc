/**
 * Real stdout of libtest harnesses built by rustc 1.95 (`rustc --test`), for the parser's unit tests.
 * The harness: passes, fails (prints to stdout and stderr), fails_too (multi-line panic), two
 * ignored tests (one with a reason), result_err (returns Err), and three #[should_panic] tests.
 * The thread ids rustc 1.95 prints in panic messages are removed.
 */

/** `cargo test` defaults: parallel, output captured (RUST_BACKTRACE=0). */
export const PRETTY = `
running 9 tests
test tests::fails_too ... FAILED
test tests::ignored_plain ... ignored
test tests::ignored_reason ... ignored, slow test
test tests::passes ... ok
test tests::result_err ... FAILED
test tests::should_panic_none - should panic ... FAILED
test tests::should_panic_ok - should panic ... ok
test tests::should_panic_wrong - should panic ... FAILED
test tests::fails ... FAILED

failures:

---- tests::fails_too stdout ----

thread 'tests::fails_too' panicked at lib.rs:7:30:
boom
second line
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

---- tests::result_err stdout ----
Error: "bad"

---- tests::should_panic_none stdout ----
note: test did not panic as expected at lib.rs:12:32
---- tests::should_panic_wrong stdout ----

thread 'tests::should_panic_wrong' panicked at lib.rs:11:73:
xyz
note: panic did not contain expected string
      panic message: "xyz"
 expected substring: "abc"
---- tests::fails stdout ----
some stdout
some stderr

thread 'tests::fails' panicked at lib.rs:6:77:
assertion \`left == right\` failed
  left: 3
 right: 4


failures:
    tests::fails
    tests::fails_too
    tests::result_err
    tests::should_panic_none
    tests::should_panic_wrong

test result: FAILED. 2 passed; 5 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s

`

/** `-- --test-threads=1 --nocapture`: names before each test, output in between (stdout only). */
export const NOCAPTURE_ONE_THREAD = `
running 9 tests
test tests::fails ... some stdout
FAILED
test tests::fails_too ... FAILED
test tests::ignored_plain ... ignored
test tests::ignored_reason ... ignored, slow test
test tests::passes ... hello from passes
ok
test tests::result_err ... FAILED
test tests::should_panic_none - should panic ... FAILED
test tests::should_panic_ok - should panic ... ok
test tests::should_panic_wrong - should panic ... FAILED

failures:

---- tests::should_panic_none stdout ----
note: test did not panic as expected at lib.rs:12:32
---- tests::should_panic_wrong stdout ----
note: panic did not contain expected string
      panic message: "xyz"
 expected substring: "abc"

failures:
    tests::fails
    tests::fails_too
    tests::result_err
    tests::should_panic_none
    tests::should_panic_wrong

test result: FAILED. 2 passed; 5 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s

`

/** `-q` (`--quiet`): dots, and a line per failure. */
export const TERSE = `
running 9 tests
tests::fails --- FAILED
tests::fails_too --- FAILED
ii. 5/9
tests::result_err --- FAILED
tests::should_panic_none --- FAILED
. 8/9
tests::should_panic_wrong --- FAILED

failures:

---- tests::fails stdout ----
some stdout
some stderr

thread 'tests::fails' panicked at lib.rs:6:77:
assertion \`left == right\` failed
  left: 3
 right: 4
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

---- tests::fails_too stdout ----

thread 'tests::fails_too' panicked at lib.rs:7:30:
boom
second line

---- tests::result_err stdout ----
Error: "bad"

---- tests::should_panic_none stdout ----
note: test did not panic as expected at lib.rs:12:32
---- tests::should_panic_wrong stdout ----

thread 'tests::should_panic_wrong' panicked at lib.rs:11:73:
xyz
note: panic did not contain expected string
      panic message: "xyz"
 expected substring: "abc"

failures:
    tests::fails
    tests::fails_too
    tests::result_err
    tests::should_panic_none
    tests::should_panic_wrong

test result: FAILED. 2 passed; 5 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s

`

/** `-- --show-output passes fails`: a successes section before the failures. */
export const SHOW_OUTPUT = `
running 3 tests
test tests::fails_too ... FAILED
test tests::passes ... ok
test tests::fails ... FAILED

successes:

---- tests::passes stdout ----
hello from passes


successes:
    tests::passes

failures:

---- tests::fails_too stdout ----

thread 'tests::fails_too' panicked at lib.rs:7:30:
boom
second line
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace

---- tests::fails stdout ----
some stdout
some stderr

thread 'tests::fails' panicked at lib.rs:6:77:
assertion \`left == right\` failed
  left: 3
 right: 4


failures:
    tests::fails
    tests::fails_too

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 6 filtered out; finished in 0.00s

`
/** `--bench` on a harness with two `#[bench]` functions and one test: names padded for alignment. */
export const BENCH = `
running 3 tests
test a_test ... ignored
test bench_add              ... bench:      13,388.36 ns/iter (+/- 8,587.99)
test bench_longer_name_here ... bench:           2.25 ns/iter (+/- 19.71)

test result: ok. 0 passed; 0 failed; 1 ignored; 2 measured; 0 filtered out; finished in 3.71s

`

/** A harness killed by `std::process::abort()` in its second test: no summary ever comes. */
export const ABORTED = `
running 3 tests
test t::a_first ... ok
`
