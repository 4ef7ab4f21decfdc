#!/usr/bin/env node
/**
 * `npm run bench`: bundles the TypeScript benchmarks (bench/registry.ts) with Vite's SSR build,
 * then times each one and prints a table with its target. Not part of `npm test`: timings depend
 * on the machine. `npm run bench -- edit` runs the benches whose name contains "edit";
 * `--check` exits 1 when a median misses its target. The build benches (`npm run bench -- build
 * plan`, a few minutes) read BENCH_BUILD_RUNS, BENCH_CLEAN_RUNS, BENCH_BUILD_JOBS and
 * BENCH_BUILD_FIXTURE (bench/benches/build-setup.ts, build-fixture.ts).
 */
import { cpus } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = join(import.meta.dirname, '..')
const outDir = join(root, 'node_modules', '.cache', 'crate-studio-bench')
const args = process.argv.slice(2)
const check = args.includes('--check')
const filters = args.filter((a) => !a.startsWith('--'))

await build({
  configFile: false,
  logLevel: 'warn',
  root,
  resolve: { alias: { '@shared': join(root, 'src', 'shared') } },
  build: {
    ssr: join(root, 'bench', 'registry.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'registry.mjs' } }
  }
})
const { BENCHES } = await import(pathToFileURL(join(outDir, 'registry.mjs')).href)

const ms = (v) => `${v.toFixed(2)} ms`
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

console.log(`node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} · ${cpus().length} cores\n`)
const rows = []
const ran = []
let missed = false
/** `warmups` untimed calls, then `runs` timed ones; the sorted times. */
async function time(run, runs, warmups) {
  for (let i = 0; i < warmups; i++) await run()
  const times = []
  for (let i = 0; i < runs; i++) times.push(await timeOne(run))
  return times.sort((a, b) => a - b)
}
async function timeOne(run) {
  const start = performance.now()
  await run()
  return performance.now() - start
}
/** Ours and cargo's in turns, one call each per round, so a busy moment hits both alike. */
async function timeInTurns(ours, theirs, runs, warmups) {
  for (let i = 0; i < warmups; i++) await Promise.resolve(ours()).then(theirs)
  const times = [[], []]
  for (let i = 0; i < runs; i++) {
    times[0].push(await timeOne(ours))
    times[1].push(await timeOne(theirs))
  }
  return times.map((t) => t.sort((a, b) => a - b))
}

for (const bench of BENCHES) {
  if (filters.length && !filters.some((f) => bench.name.includes(f))) continue
  const runs = bench.runs ?? 200
  const warmups = bench.warmups ?? Math.max(3, runs / 10)
  let times, cargo
  if (bench.inTurns && bench.baseline) {
    const ours = await bench.prepare()
    ;[times, cargo] = await timeInTurns(ours, await bench.baseline.prepare(), runs, warmups)
  } else {
    times = await time(await bench.prepare(), runs, warmups)
    // cargo runs right after ours, on the same inputs, so both see the same machine.
    cargo = bench.baseline ? await time(await bench.baseline.prepare(), runs, warmups) : undefined
  }
  await bench.dispose?.()
  ran.push(bench)
  const median = quantile(times, 0.5)
  const cargoMedian = cargo ? quantile(cargo, 0.5) : undefined
  const ratio = cargoMedian === undefined ? undefined : median / cargoMedian
  const ok =
    ratio !== undefined && bench.maxRatio !== undefined
      ? ratio <= bench.maxRatio
        ? 'ok'
        : 'MISSED'
      : bench.targetMs === undefined
        ? ''
        : median <= bench.targetMs
          ? 'ok'
          : 'MISSED'
  if (ok === 'MISSED') missed = true
  rows.push([
    bench.name,
    ms(median),
    ms(quantile(times, 0.95)),
    ms(times[0]),
    String(runs),
    cargoMedian === undefined ? '' : ms(cargoMedian),
    ratio === undefined ? '' : `${ratio.toFixed(2)}×`,
    bench.maxRatio !== undefined
      ? `≤ ${bench.maxRatio}× cargo`
      : bench.targetMs === undefined
        ? ''
        : `≤ ${bench.targetMs} ms`,
    ok
  ])
  console.log(`  ${bench.name}: ${bench.what}${bench.baseline ? ` (vs ${bench.baseline.name})` : ''}`)
}
const header = ['benchmark', 'median', 'p95', 'min', 'runs', 'cargo', 'ratio', 'target', '']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
for (const r of rows) console.log(line(r))
const notes = ran.flatMap((bench) => bench.notes?.() ?? [])
if (notes.length) console.log(`\n${notes.join('\n')}`)
if (check && missed) process.exitCode = 1
