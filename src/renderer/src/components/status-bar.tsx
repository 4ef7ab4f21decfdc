/**
 * The bar at the bottom of the window: which rustc builds use (version, host, sysroot) and, with
 * a project open, the toolchain it pins, warning when that is not installed or its file is broken.
 * Nothing here is interactive; details the bar shortens are in a tooltip and for screen readers.
 */
import type { ProjectToolchain, ToolchainInfo } from '@shared/models/toolchain'
import { foundByText, pinnedName } from '@shared/format/toolchain-text'
import { useAppInfo, useToolchain } from '../queries/app-queries'
import { useProject } from '../queries/project-queries'
import { baseName } from '../lib/paths'
import './status-bar.css'

interface ItemProps {
  readonly label?: string
  readonly text: string
  /** The whole story: a tooltip, and read after the text by screen readers. */
  readonly detail?: string
  readonly tone?: 'warn' | 'bad'
}

function Item({ label, text, detail, tone }: ItemProps) {
  return (
    <span className={`status-item${tone ? ` ${tone}` : ''}`} title={detail}>
      {tone && (
        <span className="status-icon" aria-hidden="true">
          ⚠
        </span>
      )}
      {label && <span className="status-label">{label}</span>}
      <span className="status-text">{text}</span>
      {detail && <span className="visually-hidden">. {detail}</span>}
    </span>
  )
}

/** `/home/me/.rustup/…` → `~/.rustup/…`: the part that tells toolchains apart stays visible. */
function tildify(path: string, home: string | undefined): string {
  if (!home || !path.startsWith(home)) return path
  const rest = path.slice(home.length)
  return rest === '' || rest.startsWith('/') || rest.startsWith('\\') ? `~${rest}` : path
}

function PinItem({ pin }: { readonly pin: ProjectToolchain }) {
  const by = pin.source === 'rustup-override' ? `rustup override for ${pin.file}` : `pinned by ${pin.file}`
  if (pin.problem) {
    const detail = [pin.problem.message, pin.problem.hint].filter(Boolean).join(' ')
    return <Item tone="bad" text={`${baseName(pin.problem.file ?? pin.file)} is not valid`} detail={detail} />
  }
  const name = pinnedName(pin)
  if (pin.installed === false)
    return (
      <Item
        tone="warn"
        label="Project"
        text={`${name} not installed`}
        detail={`${by}. ${pin.path !== undefined ? (pin.hint ?? '') : `Run: ${pin.hint ?? ''}`}`}
      />
    )
  return <Item label="Project" text={name} detail={[by, pin.hint].filter(Boolean).join('. ')} />
}

function ToolchainItems({ info, home }: { readonly info: ToolchainInfo; readonly home: string | undefined }) {
  const rustc = info.rustc
  if (!rustc) return <Item tone="bad" text="No Rust toolchain found" detail={info.problem ?? ''} />
  const foundBy = `${rustc.path}, ${foundByText(rustc.foundBy)} (${rustc.program})`
  return (
    <>
      <Item text={rustc.version} detail={foundBy} />
      <Item label="host" text={rustc.host} />
      {rustc.sysroot && <Item label="sysroot" text={tildify(rustc.sysroot, home)} detail={rustc.sysroot} />}
      {info.rustup?.envOverride && (
        <Item
          label="RUSTUP_TOOLCHAIN"
          text={info.rustup.envOverride}
          detail="Overrides every toolchain file"
        />
      )}
      {info.project && <PinItem pin={info.project} />}
    </>
  )
}

function Bar({ manifestPath }: { readonly manifestPath?: string }) {
  const toolchain = useToolchain(manifestPath)
  const home = useAppInfo().data?.homeDir
  return (
    <footer className="status-bar" aria-label="Rust toolchain">
      {toolchain.isPending && <Item text="Looking for rustc…" />}
      {toolchain.isError && (
        <Item tone="bad" text="Could not check the Rust toolchain" detail={toolchain.error.message} />
      )}
      {toolchain.data && <ToolchainItems info={toolchain.data} home={home} />}
    </footer>
  )
}

/** The project's manifest comes from its snapshot, which the project view has already loaded. */
function ProjectBar({ projectPath }: { readonly projectPath: string }) {
  const manifestPath = useProject(projectPath).data?.root.manifestPath
  return <Bar {...(manifestPath ? { manifestPath } : {})} />
}

interface Props {
  /** The open project (its folder or Cargo.toml), whose pinned toolchain the bar shows. */
  readonly projectPath?: string
}

export function StatusBar({ projectPath }: Props) {
  return projectPath ? <ProjectBar projectPath={projectPath} /> : <Bar />
}
