/**
 * A `[target.…]` key as cargo prints it (`cargo_platform::Platform`'s Display): a triple as
 * written, a cfg expression normalized (`cfg(target_os="linux")` → `cfg(target_os = "linux")`).
 */

type Expr =
  | { readonly op: 'name'; readonly name: string; readonly value?: string }
  | { readonly op: 'all' | 'any'; readonly args: readonly Expr[] }
  | { readonly op: 'not'; readonly arg: Expr }

function parse(text: string): Expr | undefined {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[(),=]|\S/g) ?? []
  let i = 0
  const expr = (): Expr | undefined => {
    const ident = tokens[i++]
    if (!ident || !/^[A-Za-z_]/.test(ident)) return undefined
    if ((ident === 'all' || ident === 'any' || ident === 'not') && tokens[i] === '(') {
      i++
      const args: Expr[] = []
      while (tokens[i] !== ')') {
        const arg = expr()
        if (!arg) return undefined
        args.push(arg)
        if (tokens[i] === ',') i++
        else if (tokens[i] !== ')') return undefined
      }
      i++
      if (ident === 'not') return args.length === 1 ? { op: 'not', arg: args[0]! } : undefined
      return { op: ident, args }
    }
    if (tokens[i] === '=') {
      i++
      const lit = tokens[i++]
      if (!lit?.startsWith('"')) return undefined
      return { op: 'name', name: ident, value: lit.slice(1, -1) }
    }
    return { op: 'name', name: ident }
  }
  const e = expr()
  return e && i === tokens.length ? e : undefined
}

function show(e: Expr): string {
  switch (e.op) {
    case 'name':
      return e.value === undefined ? e.name : `${e.name} = "${e.value}"`
    case 'all':
    case 'any':
      return `${e.op}(${e.args.map(show).join(', ')})`
    case 'not':
      return `not(${show(e.arg)})`
  }
}

/** The platform key in cargo's printed form (unparsable keys are returned trimmed). */
export function displayPlatform(key: string): string {
  const trimmed = key.trim()
  if (!trimmed.startsWith('cfg(') || !trimmed.endsWith(')')) return trimmed
  const e = parse(trimmed.slice(4, -1))
  return e ? `cfg(${show(e)})` : trimmed
}

/** Whether the key is a cfg expression (which cargo orders after plain triples). */
export function isCfgPlatform(key: string): boolean {
  return key.trim().startsWith('cfg(')
}
