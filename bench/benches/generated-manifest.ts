/** A large, realistic manifest for the editor benchmarks: 300 dependencies in varied forms. */
export function manifestWithDependencies(count: number): string {
  const lines = [
    '# A generated manifest for benchmarks',
    '[package]',
    'name = "bench-demo"',
    'version = "0.1.0"',
    'edition = "2021"',
    'description = "A package with many dependencies"',
    'license = "MIT OR Apache-2.0"',
    '',
    '[dependencies]'
  ]
  for (let i = 0; i < count; i++) {
    const name = `dep-${String(i).padStart(3, '0')}`
    if (i % 10 === 0) lines.push(`# group ${i / 10}`)
    if (i % 3 === 0)
      lines.push(`${name} = { version = "1.${i}", features = ["std", "derive"], optional = ${i % 6 === 0} }`)
    else if (i % 7 === 0) lines.push(`${name} = { path = "../${name}", version = "0.${i}" } # local`)
    else lines.push(`${name} = "${i % 5}.${i}"`)
  }
  const optional = Array.from({ length: count }, (_, i) => i).filter((i) => i % 6 === 0)
  lines.push(
    '',
    '[features]',
    `default = [${optional
      .slice(0, 5)
      .map((i) => `"dep-${String(i).padStart(3, '0')}"`)
      .join(', ')}]`
  )
  lines.push(`full = [${optional.map((i) => `"dep:dep-${String(i).padStart(3, '0')}"`).join(', ')}]`)
  lines.push('', '[profile.release]', 'lto = true', 'codegen-units = 1', '')
  return lines.join('\n')
}
