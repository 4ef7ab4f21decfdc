/**
 * One-click build, run and test, with the few choices that matter: profile, which bin, its
 * arguments, and what to give the test harnesses (a name filter, `--ignored`…). The test field
 * is its own: a program's arguments would make libtest refuse to start.
 */
import type { ProfileName } from '@shared/models/build'
import type { BuildActions } from './use-build-actions'

export function BuildToolbar({ actions }: { readonly actions: BuildActions }) {
  const { bins, busy, running } = actions
  return (
    <div className="build-toolbar" role="toolbar" aria-label="Build actions">
      <div className="toolbar-field">
        <label htmlFor="toolbar-profile">Profile</label>
        <select
          id="toolbar-profile"
          value={actions.profile}
          onChange={(e) => actions.setProfile(e.target.value as ProfileName)}
        >
          <option value="dev">dev</option>
          <option value="release">release</option>
        </select>
      </div>
      <button type="button" className="primary" disabled={busy} onClick={actions.build}>
        <span aria-hidden="true" className="button-icon">
          ⚒
        </span>
        Build
      </button>
      <button
        type="button"
        disabled={busy || bins.length === 0}
        title={bins.length === 0 ? 'This package has no binary crate to run.' : undefined}
        onClick={actions.run}
      >
        <span aria-hidden="true" className="button-icon">
          ▶
        </span>
        Run
      </button>
      <button type="button" disabled={busy} onClick={actions.test}>
        <span aria-hidden="true" className="button-icon">
          ✓
        </span>
        Test
      </button>
      {bins.length > 1 && (
        <div className="toolbar-field">
          <label htmlFor="toolbar-bin">Binary</label>
          <select id="toolbar-bin" value={actions.bin} onChange={(e) => actions.setBin(e.target.value)}>
            {bins.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      {bins.length > 0 && (
        <div className="toolbar-field toolbar-args">
          <label htmlFor="toolbar-args">Arguments</label>
          <input
            id="toolbar-args"
            value={actions.args}
            spellCheck={false}
            autoComplete="off"
            placeholder="--flag 'a value'"
            onChange={(e) => actions.setArgs(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') actions.run()
            }}
          />
        </div>
      )}
      <div className="toolbar-field toolbar-args">
        <label htmlFor="toolbar-test-args">Test filter</label>
        <input
          id="toolbar-test-args"
          value={actions.testArgs}
          spellCheck={false}
          autoComplete="off"
          placeholder="name --ignored"
          title="Given to every test harness, as after cargo test --: a test name filter and libtest flags"
          onChange={(e) => actions.setTestArgs(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') actions.test()
          }}
        />
      </div>
      <button type="button" className="danger" disabled={!running} onClick={actions.cancel}>
        <span aria-hidden="true" className="button-icon">
          ■
        </span>
        Cancel
      </button>
    </div>
  )
}
