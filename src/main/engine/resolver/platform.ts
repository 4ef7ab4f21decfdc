/**
 * `[target.'cfg(…)'.dependencies]` and `[target.TRIPLE.dependencies]`: does a platform key apply
 * to the target being built? cfg expressions are evaluated against `rustc --print cfg`.
 */
import { EngineError } from '../errors'

type CfgExpr =
  | { readonly op: 'name'; readonly name: string; readonly value?: string }
  | { readonly op: 'all' | 'any'; readonly args: readonly CfgExpr[] }
  | { readonly op: 'not'; readonly arg: CfgExpr }

export function platformMatches(
  key: string,
  triple: string,
  cfg: ReadonlyMap<string, readonly string[]>
): boolean {
  const trimmed = key.trim()
  if (!trimmed.startsWith('cfg(')) return trimmed === triple
  if (!trimmed.endsWith(')')) throw badCfg(key, 'missing the closing `)`')
  return evaluate(parseCfg(trimmed.slice(4, -1), key), cfg)
}

function evaluate(e: CfgExpr, cfg: ReadonlyMap<string, readonly string[]>): boolean {
  switch (e.op) {
    case 'name': {
      const values = cfg.get(e.name)
      if (!values) return false
      return e.value === undefined ? true : values.includes(e.value)
    }
    case 'all':
      return e.args.every((a) => evaluate(a, cfg))
    case 'any':
      return e.args.some((a) => evaluate(a, cfg))
    case 'not':
      return !evaluate(e.arg, cfg)
  }
}

function badCfg(key: string, why: string): EngineError {
  return new EngineError('manifest-invalid', `Invalid platform \`${key}\`: ${why}.`, {
    hint: 'Write `cfg(unix)`, `cfg(target_os = "linux")`, `cfg(all(…))`, `cfg(any(…))`, `cfg(not(…))` or a target triple.'
  })
}

function parseCfg(text: string, key: string): CfgExpr {
  const tokens = text.match(/"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_]*|[(),=]|\S/g) ?? []
  let i = 0
  const peek = () => tokens[i]
  const next = () => tokens[i++]
  const expect = (t: string) => {
    if (next() !== t) throw badCfg(key, `expected \`${t}\``)
  }
  const expr = (): CfgExpr => {
    const ident = next()
    if (!ident || !/^[A-Za-z_]/.test(ident)) throw badCfg(key, 'expected a cfg name')
    if ((ident === 'all' || ident === 'any' || ident === 'not') && peek() === '(') {
      next()
      const args: CfgExpr[] = []
      while (peek() !== ')') {
        if (peek() === undefined) throw badCfg(key, 'unbalanced parentheses')
        args.push(expr())
        if (peek() === ',') next()
      }
      expect(')')
      if (ident === 'not') {
        if (args.length !== 1) throw badCfg(key, '`not` takes exactly one argument')
        return { op: 'not', arg: args[0]! }
      }
      return { op: ident, args }
    }
    if (peek() === '=') {
      next()
      const lit = next()
      if (!lit?.startsWith('"')) throw badCfg(key, `expected a string after \`${ident} =\``)
      return { op: 'name', name: ident, value: JSON.parse(lit) as string }
    }
    return { op: 'name', name: ident }
  }
  const result = expr()
  if (i !== tokens.length) throw badCfg(key, 'unexpected text after the expression')
  return result
}
