import { describe, expect, it } from 'vitest'
import { runBuild } from '../../src/main/engine/compiler/build-runner'
import type { Diagnostic } from '../../src/shared/models/diagnostic'
import { eventLog } from '../helpers/events'
import { project } from '../helpers/project'

const BROKEN_MAIN = `fn main() {
    // the next line refers to a name that does not exist
    println!("{}", missing_value);
}
`

describe('compiler diagnostics', () => {
  it('turns a compile error into a structured diagnostic with file and line', async () => {
    const p = await project().manifest('broken').file('src/main.rs', BROKEN_MAIN).build()
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(build.success).toBe(false)
    const diagnostics: Diagnostic[] = log.events.flatMap((e) =>
      e.type === 'diagnostic' ? [e.diagnostic] : []
    )
    const error = diagnostics.find((d) => d.level === 'error')
    expect(error).toMatchObject({
      level: 'error',
      code: 'E0425',
      message: 'cannot find value `missing_value` in this scope',
      location: { file: p.path('src/main.rs'), line: 3, column: 20 },
      packageName: 'broken',
      targetName: 'broken'
    })
    expect(error?.rendered).toContain('\x1b[')
    expect(log.text()).toContain('error: could not compile `broken` (bin "broken") due to 1 previous error')
    expect(log.text()).not.toContain('aborting due to')
    expect(log.events.some((e) => e.type === 'status' && e.verb === 'Finished')).toBe(false)
  })

  it('reports a warning summary the way cargo does when the build succeeds', async () => {
    const p = await project().manifest('warns').file('src/main.rs', 'fn main() { let x = 1; }\n').build()
    const log = eventLog()
    const build = await runBuild(
      { manifestPath: p.manifest, profile: 'dev', selection: { lib: true, bins: 'all' } },
      { sink: log.sink }
    )
    expect(build.success).toBe(true)
    const warning = log.events.find((e) => e.type === 'diagnostic' && e.diagnostic.level === 'warning')
    expect(warning).toMatchObject({
      diagnostic: { location: { file: p.path('src/main.rs'), line: 1, column: 17 } }
    })
    // rustc's suggested fix comes along, with where it goes.
    const children = warning?.type === 'diagnostic' ? (warning.diagnostic.children ?? []) : []
    expect(children.filter((c) => c.replacement !== undefined)).toEqual([
      {
        level: 'help',
        message: 'if this is intentional, prefix it with an underscore',
        replacement: '_x',
        location: { file: p.path('src/main.rs'), line: 1, column: 17 }
      }
    ])
    expect(log.text()).toContain('warning: `warns` (bin "warns") generated 1 warning')
  })
})
