/** `[profile.NAME]` tables → ProfileDecl, checking each setting's type and allowed values. */
import type { ProfileDecl } from './model'
import { PROFILE_KEYS } from './known-keys'
import type { TableReader } from './table-reader'

const DEBUG_NAMES: Record<string, number> = {
  none: 0,
  'line-directives-only': 1,
  'line-tables-only': 1,
  limited: 1,
  full: 2
}

/** A scalar setting (`opt-level = 3`, `lto = "thin"`, `strip = true`) as text; tables and arrays are errors. */
function scalar(p: TableReader, key: string): string | undefined {
  const r = p.raw(key)
  if (!r) return undefined
  const v = r.value
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
    return String(v)
  throw p.error(key, `\`${key}\` must be a string, number or boolean.`)
}

export function readProfiles(root: TableReader): Record<string, ProfileDecl> {
  const profiles = Object.create(null) as Record<string, ProfileDecl>
  const table = root.subtable('profile')
  if (!table) return profiles
  for (const name of table.keys()) {
    const p = table.subtable(name)
    if (p) profiles[name] = readProfile(p)
  }
  return profiles
}

function readProfile(p: TableReader): ProfileDecl {
  const optLevel = scalar(p, 'opt-level')
  if (optLevel !== undefined) {
    if (!['0', '1', '2', '3', 's', 'z'].includes(optLevel)) {
      throw p.error('opt-level', `\`opt-level\` must be 0, 1, 2, 3, "s" or "z", not \`${optLevel}\`.`)
    }
  }
  const dbg = p.raw('debug')
  let debug: number | undefined
  if (dbg) {
    const v = dbg.value
    if (typeof v === 'boolean') debug = v ? 2 : 0
    else if ((typeof v === 'number' || typeof v === 'bigint') && [0, 1, 2].includes(Number(v)))
      debug = Number(v)
    else if (typeof v === 'string' && v in DEBUG_NAMES) debug = DEBUG_NAMES[v]
    else
      throw p.error(
        'debug',
        '`debug` must be true, false, 0, 1, 2, "none", "line-tables-only", "limited" or "full".'
      )
  }
  const panic = p.string('panic')
  if (panic !== undefined && panic !== 'unwind' && panic !== 'abort')
    throw p.error('panic', '`panic` must be "unwind" or "abort".')
  const decl: ProfileDecl = {
    optLevel,
    debug,
    debugAssertions: p.bool('debug-assertions'),
    overflowChecks: p.bool('overflow-checks'),
    incremental: p.bool('incremental'),
    codegenUnits: p.integer('codegen-units'),
    panic,
    lto: scalar(p, 'lto'),
    strip: scalar(p, 'strip'),
    inherits: p.string('inherits')
  }
  p.warnUnused(PROFILE_KEYS)
  return decl
}
