/**
 * `crate-studio build` through the resident build server, with real rustc: the first build
 * starts the server, later ones are served and print exactly what a build in the CLI's own
 * process prints; the server builds with each client's environment, never its own; Ctrl+C,
 * a killed client and a killed server all leave nothing running and nothing trusted.
 */
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execa } from 'execa'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI } from '../../helpers/cargo-offline'
import { processesMatching, waitFor } from '../../helpers/processes'
import { project } from '../../helpers/project'
import { tempDir } from '../../helpers/temp-dir'

const started: Record<string, string>[] = []

/** An environment with a runtime folder of its own, so each test has its own server. */
async function serverEnv(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  const env = { XDG_RUNTIME_DIR: await tempDir('cs-run-'), CRATE_STUDIO_DAEMON: '1', NO_COLOR: '1', ...extra }
  started.push(env)
  return env
}

const cli = (args: readonly string[], cwd: string, env: Record<string, string>) =>
  execa(CLI, [...args], { cwd, env, reject: false })

async function serverRunning(env: Record<string, string>): Promise<boolean> {
  return (await cli(['daemon', 'status'], '/', env)).stdout.startsWith('build server running')
}

/** Builds once (which starts the server) and waits until it answers. */
async function withServer(cwd: string, env: Record<string, string>): Promise<void> {
  const first = await cli(['build'], cwd, env)
  expect(first.exitCode, first.stderr).toBe(0)
  await waitFor(() => serverRunning(env), 20_000)
}

/** Timings and thread ids differ from run to run. */
/**
 * A package whose build command sleeps (the `sleep MARKER` process shows while it builds), and a
 * running server, started by building another package.
 */
async function slowBuildWithServer(name: string, salt: number) {
  const marker = `${400 + Math.floor(Math.random() * 1000)}.${salt}`
  const p = await project()
    .file('Cargo.toml', `[package]\nname = "${name}"\nversion = "0.1.0"\nbuild = "sh slow.sh"\n`)
    .file('slow.sh', `sleep ${marker}\n`)
    .file('src/main.rs', 'fn main() {}\n')
    .build()
  const quick = await project().manifest('quick').file('src/main.rs', 'fn main() {}\n').build()
  const env = await serverEnv()
  await withServer(quick.root, env)
  return { marker, p, quick, env }
}

const timesOut = (text: string) =>
  text.replace(/in \d+\.\d+s/g, 'in Ts').replace(/^(thread '.*') \(\d+\) panicked/gm, '$1 panicked')

afterEach(async () => {
  for (const env of started.splice(0)) await cli(['daemon', 'stop'], '/', env)
})

describe('the build server', () => {
  it('serves builds after the first, with the output and status of an in-process build', async () => {
    const p = await project()
      .manifest('served', '[lib]\npath = "src/lib.rs"\n')
      .file('src/lib.rs', 'pub fn unused_arg(x: u32) {}\n')
      .file('src/main.rs', 'fn main() { served::unused_arg(1); }\n')
      .build()
    const env = await serverEnv()
    await withServer(p.root, env)
    const runtime = await readdir(join(env.XDG_RUNTIME_DIR!, 'crate-studio'))
    expect(runtime.filter((f) => f.endsWith('.sock'))).toHaveLength(1)

    const clean = () => cli(['clean'], p.root, env)
    const compare = async (args: string[], before: () => unknown = () => undefined, cwd = p.root) => {
      await before()
      const served = await cli(args, cwd, env)
      await before()
      const own = await cli(args, cwd, { ...env, CRATE_STUDIO_DAEMON: '0' })
      expect(served.exitCode).toBe(own.exitCode)
      expect(timesOut(served.stderr)).toBe(timesOut(own.stderr))
      expect(timesOut(served.stdout)).toBe(timesOut(own.stdout))
      return served
    }
    // A fresh build (with a warning), a no-op, and cargo's JSON messages.
    expect((await compare(['build', '-v'], clean)).stderr).toContain('warning: unused variable: `x`')
    await compare(['build', '-v'])
    await compare(['build', '--message-format', 'json'], clean)
    // A compile error, and a usage error.
    await writeFile(p.path('src/main.rs'), 'fn main() { nope }\n')
    const failed = await compare(['build'])
    expect(failed.exitCode).toBe(101)
    expect(failed.stderr).toContain('cannot find value `nope`')
    expect((await compare(['build', '--no-such-flag'])).exitCode).toBe(1)
    // From a subfolder: the manifest found upward, and a path relative to the client's folder.
    expect((await compare(['build'], undefined, p.path('src'))).stderr).toContain('src/main.rs:1:13')
    expect(
      (await compare(['build', '--manifest-path', '../Cargo.toml'], undefined, p.path('src'))).exitCode
    ).toBe(101)

    // Tests, failing and passing, with their per-test lines and summary.
    await writeFile(p.path('src/main.rs'), 'fn main() { served::unused_arg(1); }\n')
    await writeFile(
      p.path('src/lib.rs'),
      'pub fn unused_arg(x: u32) {}\n#[test] fn passes() {}\n#[test] fn fails() { panic!("no") }\n'
    )
    // One job: the library and its test harness compile side by side otherwise, and which one's
    // warnings print first is a race in either mode.
    const tested = await compare(['test', '-j', '1', '--', '--test-threads=1'], clean)
    expect(tested.exitCode).toBe(101)
    expect(tested.stdout).toContain('test fails ... FAILED')

    const status = await cli(['daemon', 'status'], '/', env)
    expect(status.stdout).toMatch(/running \(pid \d+\).*: ([5-9]|\d\d) build\(s\) served, 0 running/)
  })

  it('runs `run`’s program in the client’s terminal: its stdin, its exit status, its Ctrl+C', async () => {
    const p = await project()
      .manifest('echoer')
      .file(
        'src/main.rs',
        [
          'use std::io::Read;',
          'extern "C" { fn signal(signum: i32, handler: usize) -> usize; }',
          'fn main() {',
          '    if std::env::args().nth(1).as_deref() == Some("stubborn") {',
          '        unsafe { signal(2, 1); signal(15, 1); }',
          '        std::thread::sleep(std::time::Duration::from_secs(600));',
          '    }',
          '    let mut input = String::new();',
          '    std::io::stdin().read_to_string(&mut input).unwrap();',
          '    let args: Vec<String> = std::env::args().skip(1).collect();',
          '    println!("read {:?} args {:?} pkg {}", input, args, env!("CARGO_PKG_NAME"));',
          '    eprintln!("to stderr");',
          '    if args.first().map(String::as_str) == Some("sleep") { std::thread::sleep(std::time::Duration::from_secs(600)); }',
          '    std::process::exit(if input.is_empty() { 0 } else { 3 });',
          '}',
          ''
        ].join('\n')
      )
      .build()
    const env = await serverEnv()
    await withServer(p.root, env)
    const both = async (args: string[], input: string) => {
      const served = await execa(CLI, args, { cwd: p.root, env, input, reject: false })
      const own = await execa(CLI, args, {
        cwd: p.root,
        env: { ...env, CRATE_STUDIO_DAEMON: '0' },
        input,
        reject: false
      })
      expect(served.exitCode).toBe(own.exitCode)
      expect(served.stdout).toBe(own.stdout)
      expect(timesOut(served.stderr)).toBe(timesOut(own.stderr))
      return served
    }
    const quiet = await both(['run', '--', 'a b', 'c'], '')
    expect(quiet.stdout).toBe('read "" args ["a b", "c"] pkg echoer')
    const loud = await both(['run', '-q'], 'hello\n')
    expect(loud.exitCode).toBe(3)
    expect(loud.stderr).toContain('to stderr')
    expect(loud.stderr).toContain("process didn't exit successfully")
    expect((await cli(['daemon', 'status'], '/', env)).stdout).toMatch(/: 2 build\(s\) served/)

    const marker = join(p.root, 'target', 'debug', 'echoer')
    const sleeping = execa(CLI, ['run', '-q', '--', 'sleep'], { cwd: p.root, env, reject: false, input: '' })
    await waitFor(async () => (await processesMatching(`${marker} sleep`)).length === 1)
    sleeping.kill('SIGINT')
    expect((await sleeping).exitCode).toBe(130)
    await waitFor(async () => (await processesMatching(`${marker} sleep`)).length === 0, 5000)

    // A program deaf to SIGINT and SIGTERM is killed 5 s after the Ctrl+C, as execa does in-process.
    const stubborn = execa(CLI, ['run', '-q', '--', 'stubborn'], {
      cwd: p.root,
      env,
      reject: false,
      input: ''
    })
    await waitFor(async () => (await processesMatching(`${marker} stubborn`)).length === 1)
    stubborn.kill('SIGINT')
    expect((await stubborn).exitCode).toBe(130)
    expect(await processesMatching(`${marker} stubborn`)).toEqual([])

    // Stopping the server ends the program it handed over.
    const stopped = execa(CLI, ['run', '-q', '--', 'sleep'], { cwd: p.root, env, reject: false, input: '' })
    await waitFor(async () => (await processesMatching(`${marker} sleep`)).length === 1)
    expect((await cli(['daemon', 'stop'], '/', env)).stdout).toBe('build server stopped')
    expect((await stopped).exitCode).toBe(130)
    await waitFor(async () => (await processesMatching(`${marker} sleep`)).length === 0, 5000)
  }, 60_000)

  it('builds with each client’s environment and nothing of the environment it started in', async () => {
    const p = await project()
      .manifest('envs')
      .file(
        'src/main.rs',
        '#[cfg(from_server_start)]\ncompile_error!("the server\'s own RUSTFLAGS leaked");\n' +
          'fn main() { println!("{}", if cfg!(from_client) { "client flags" } else { "no flags" }); }\n'
      )
      .build()
    const env = await serverEnv()
    const first = await cli(['build'], p.root, { ...env, RUSTFLAGS: '--cfg from_server_start' })
    expect(first.exitCode).toBe(101)
    await waitFor(() => serverRunning(env), 20_000)

    const plain = await cli(['build'], p.root, env)
    expect(plain.exitCode, plain.stderr).toBe(0)
    expect((await execa(p.path('target/debug/envs'))).stdout).toBe('no flags')
    const flagged = await cli(['build'], p.root, { ...env, RUSTFLAGS: '--cfg from_client' })
    expect(flagged.exitCode, flagged.stderr).toBe(0)
    expect((await execa(p.path('target/debug/envs'))).stdout).toBe('client flags')
    expect((await cli(['daemon', 'status'], '/', env)).stdout).toMatch(/: 2 build\(s\) served/)
  })

  it('cancels on Ctrl+C and when the client is killed, leaving nothing running', async () => {
    const { marker, p, env } = await slowBuildWithServer('slow', process.pid)

    const interrupted = cli(['build'], p.root, env)
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 1)
    interrupted.kill('SIGINT')
    const r = await interrupted
    expect(r.exitCode).toBe(130)
    expect(r.stderr).toContain('the build was interrupted')
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)

    const killed = cli(['build'], p.root, env)
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 1)
    killed.kill('SIGKILL')
    await killed
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
    expect(await serverRunning(env)).toBe(true)
  })

  it('reports a server that dies mid-build, and the next build starts clean', async () => {
    const p = await project()
      .manifest('crashy')
      .file(
        'build.rs',
        'fn main() { std::thread::sleep(std::time::Duration::from_millis(1500)); println!("cargo::rustc-cfg=ran"); }\n'
      )
      .file('src/main.rs', '#[cfg(not(ran))]\ncompile_error!("build script output missing");\nfn main() {}\n')
      .build()
    const quick = await project().manifest('quick').file('src/main.rs', 'fn main() {}\n').build()
    const env = await serverEnv()
    await withServer(quick.root, env)
    const pid = Number(/pid (\d+)/.exec((await cli(['daemon', 'status'], '/', env)).stdout)![1])

    const build = cli(['build'], p.root, env)
    await waitFor(async () => (await processesMatching(join(p.root, 'target', 'debug', 'build'))).length > 0)
    process.kill(pid, 'SIGKILL')
    const r = await build
    expect(r.exitCode).toBe(101)
    expect(r.stderr).toContain('the Crate Studio build server stopped before the build finished')
    expect(await serverRunning(env)).toBe(false)

    const again = await cli(['build'], p.root, env)
    expect(again.exitCode, again.stderr).toBe(0)
    await execa(p.path('target/debug/crashy'))
  })

  it('builds without a server that does not answer, and a SIGTERM is not held up by it', async () => {
    const { marker, p, quick, env } = await slowBuildWithServer('held', process.pid + 2)
    const pid = Number(/pid (\d+)/.exec((await cli(['daemon', 'status'], '/', env)).stdout)![1])
    try {
      process.kill(pid, 'SIGSTOP')
      const r = await cli(['build'], quick.root, env)
      expect(r.exitCode, r.stderr).toBe(0)
      expect(r.stderr).toContain('warning: the Crate Studio build server did not answer; building without it')
      process.kill(pid, 'SIGCONT')

      const held = cli(['build'], p.root, env)
      await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 1)
      process.kill(pid, 'SIGSTOP')
      held.kill('SIGTERM')
      const ended = await held
      expect(ended.exitCode).toBe(130)
    } finally {
      process.kill(pid, 'SIGCONT')
    }
    // Woken, the server finds its client gone and cancels the build.
    await waitFor(async () => (await processesMatching(`sleep ${marker}`)).length === 0, 5000)
  })

  it('is not used with CRATE_STUDIO_DAEMON=0, and stops when asked', async () => {
    const p = await project().manifest('plain').file('src/main.rs', 'fn main() {}\n').build()
    const env = await serverEnv({ CRATE_STUDIO_DAEMON: '0' })
    expect((await cli(['build'], p.root, env)).exitCode).toBe(0)
    await new Promise((r) => setTimeout(r, 500))
    expect(await serverRunning(env)).toBe(false)

    const on = { ...env, CRATE_STUDIO_DAEMON: '1' }
    await withServer(p.root, on)
    expect((await cli(['daemon', 'stop'], '/', on)).stdout).toBe('build server stopped')
    await waitFor(async () => !(await serverRunning(on)))
    const left = await readdir(join(env.XDG_RUNTIME_DIR!, 'crate-studio'))
    expect(left.filter((f) => f.endsWith('.sock'))).toEqual([])
  })
})
