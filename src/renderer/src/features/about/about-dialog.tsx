/** About Crate Studio: the versions a bug report needs, with one click to copy them. */
import { useState } from 'react'
import { useAppInfo, useToolchain } from '../../queries/app-queries'
import { ModalDialog } from '../manifest-editor/modal-dialog'
import { aboutFacts } from './about-facts'
import './about.css'

export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const app = useAppInfo().data
  const toolchain = useToolchain().data
  const [copied, setCopied] = useState(false)
  const facts = aboutFacts(app, toolchain, navigator.userAgent)
  const copy = () =>
    void navigator.clipboard
      .writeText(facts.map(([k, v]) => `${k}: ${v}`).join('\n'))
      .then(() => setCopied(true))
      .catch(() => setCopied(false))
  return (
    <ModalDialog title="About Crate Studio" onClose={onClose} className="about-dialog">
      <p>Create, edit, resolve and build Rust packages.</p>
      <dl className="about-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <span role="status" className="muted">
          {copied ? 'Copied.' : ''}
        </span>
        <button type="button" onClick={copy}>
          Copy Versions
        </button>
        <button type="button" className="primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  )
}
