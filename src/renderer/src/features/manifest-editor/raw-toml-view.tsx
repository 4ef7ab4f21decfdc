/**
 * The manifest as text, beside the forms: a plain textarea (native editing, labels and
 * accessibility, no editor bundle) with a line-number gutter, markers on lines with problems,
 * and the syntax error's line highlighted with its message. Scrolling moves the gutter and the
 * highlight through refs, without a render per frame.
 */
import { memo, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react'
import type { TomlSyntaxError } from '@shared/models/manifest-edit'
import { countLines, lineStart } from './model/text-lines'
import './raw-toml-view.css'

/** Must match `--raw-line` and `--raw-pad` in raw-toml-view.css. */
const LINE_PX = 19
const PAD_PX = 8

export interface LineMarker {
  readonly line: number
  readonly severity: 'error' | 'warning'
}

/** A request to show a line; `seq` makes asking for the same line twice still scroll. */
export interface RevealRequest {
  readonly line: number
  readonly seq: number
}

interface Props {
  readonly text: string
  readonly onChange: (text: string) => void
  readonly onBlur: () => void
  readonly syntaxError: TomlSyntaxError | undefined
  readonly markers: readonly LineMarker[]
  readonly reveal: RevealRequest | undefined
  readonly onReveal: (line: number) => void
}

const Gutter = memo(function Gutter({ lines }: { readonly lines: number }) {
  const numbers = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1).join('\n'), [lines])
  return <pre className="raw-numbers">{numbers}</pre>
})

export function RawTomlView({ text, onChange, onBlur, syntaxError, markers, reveal, onReveal }: Props) {
  const id = useId()
  const area = useRef<HTMLTextAreaElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const overlay = useRef<HTMLDivElement>(null)
  const lines = countLines(text)

  const syncScroll = (): void => {
    const el = area.current
    if (!el) return
    const shift = `translateY(${-el.scrollTop}px)`
    if (gutter.current) gutter.current.style.transform = shift
    if (overlay.current)
      overlay.current.style.transform = `translate(${-el.scrollLeft}px, ${-el.scrollTop}px)`
  }
  // The text can change under a scrolled textarea (undo, a form edit): keep the gutter aligned.
  useLayoutEffect(syncScroll)

  useEffect(() => {
    const el = area.current
    if (!reveal || !el) return
    const offset = lineStart(el.value, reveal.line)
    el.focus({ preventScroll: true })
    el.setSelectionRange(offset, offset)
    el.scrollTop = Math.max(0, (reveal.line - 1) * LINE_PX - el.clientHeight / 3)
    syncScroll()
  }, [reveal])

  const errorTop = syntaxError ? PAD_PX + (syntaxError.line - 1) * LINE_PX : undefined
  return (
    <section className="raw-view" aria-label="Manifest text">
      <div className="raw-head">
        <label htmlFor={id}>Raw TOML</label>
        <span className="muted small">
          {lines} line{lines === 1 ? '' : 's'}
        </span>
      </div>
      <div className={`raw-body ${syntaxError ? 'has-error' : ''}`}>
        <div className="raw-gutter" aria-hidden="true">
          <div ref={gutter} className="raw-gutter-inner">
            <Gutter lines={lines} />
            {markers.map((m) => (
              <span
                key={`${m.line}:${m.severity}`}
                className={`raw-marker ${m.severity}`}
                style={{ top: PAD_PX + (m.line - 1) * LINE_PX }}
              />
            ))}
            {errorTop !== undefined && <span className="raw-marker syntax" style={{ top: errorTop }} />}
          </div>
        </div>
        <div className="raw-editor">
          <div className="raw-overlay" aria-hidden="true">
            <div ref={overlay} className="raw-overlay-inner">
              {errorTop !== undefined && <div className="raw-error-line" style={{ top: errorTop }} />}
            </div>
          </div>
          <textarea
            ref={area}
            id={id}
            className="raw-textarea"
            value={text}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            aria-invalid={syntaxError ? true : undefined}
            aria-describedby={syntaxError ? `${id}-error` : undefined}
            onChange={(e) => onChange(e.target.value)}
            onScroll={syncScroll}
            onBlur={onBlur}
          />
        </div>
      </div>
      {syntaxError && (
        <div id={`${id}-error`} className="raw-error" role="alert">
          <span>
            <strong>
              Line {syntaxError.line}, column {syntaxError.column}:
            </strong>{' '}
            {syntaxError.message}
          </span>
          <button type="button" className="link-button" onClick={() => onReveal(syntaxError.line)}>
            Go to line {syntaxError.line}
          </button>
        </div>
      )}
    </section>
  )
}
