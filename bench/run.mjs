#!/usr/bin/env node
/**
 * `npm run bench`: bundles the TypeScript benchmarks (bench/registry.ts) with Vite's SSR build,
 * then times each one and prints a table with its target. Not part of `npm test`: timings depend
 * on the machine. `npm run bench -- edit` runs the benches whose name contains "edit";
 * `--check` exits 1 when a median misses its target.
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
let missed = false
for (const bench of BENCHES) {
  if (filters.length && !filters.some((f) => bench.name.includes(f))) continue
  const run = await bench.prepare()
  const runs = bench.runs ?? 200
  for (let i = 0; i < Math.max(10, runs / 10); i++) await run()
  const times = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await run()
    times.push(performance.now() - start)
  }
  await bench.dispose?.()
  times.sort((a, b) => a - b)
  const median = quantile(times, 0.5)
  const ok = bench.targetMs === undefined ? '' : median <= bench.targetMs ? 'ok' : 'MISSED'
  if (ok === 'MISSED') missed = true
  rows.push([
    bench.name,
    ms(median),
    ms(quantile(times, 0.95)),
    ms(times[0]),
    String(runs),
    bench.targetMs === undefined ? '' : `≤ ${bench.targetMs} ms`,
    ok
  ])
  console.log(`  ${bench.name}: ${bench.what}`)
}
const header = ['benchmark', 'median', 'p95', 'min', 'runs', 'target', '']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`)
for (const r of rows) console.log(line(r))
if (check && missed) process.exitCode = 1
