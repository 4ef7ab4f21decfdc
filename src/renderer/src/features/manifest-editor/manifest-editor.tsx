/**
 * The manifest editor: forms for every section beside the raw TOML, both editing one text. Save
 * always shows the diff first; outside changes are reloaded when nothing is unsaved, and
 * otherwise put to the person. Leaving with unsaved changes asks first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ManifestAnalysis, ManifestEdit } from '@shared/models/manifest-edit'
import { ErrorMessage } from '../../components/error-message'
import { isDialogOpen, useCommand } from '../../lib/commands'
import { useLeaveGuard } from '../../lib/leave-guard'
import { ConflictDialog } from './conflict-dialog'
import { LeaveDialog, ModerniseDialog, SaveReviewDialog } from './editor-dialogs'
import { EditorToolbar } from './editor-toolbar'
import type { FormContextValue } from './forms/form-context'
import { ManifestForms } from './forms/manifest-forms'
import { canRedo, canUndo } from './model/history'
import { isDirty, isReadOnly, needsAnalysis, type EditorState } from './model/editor-state'
import { problemLine } from './model/key-path'
import { ProblemsSummary } from './problems-summary'
import { RawTomlView, type LineMarker, type RevealRequest } from './raw-toml-view'
import { useEditorShortcuts } from './use-editor-shortcuts'
import { useManifestEditor, type ManifestEditorController } from './use-manifest-editor'
import './manifest-editor.css'

interface Props {
  readonly manifestPath: string
  readonly mode: 'desktop' | 'browser' | undefined
  /** The file on disk changed (saved here, or outside): the project overview re-reads it. */
  readonly onDiskTextChanged: () => void
}

export function ManifestEditor({ manifestPath, mode, onDiskTextChanged }: Props) {
  const editor = useManifestEditor(manifestPath, onDiskTextChanged)
  if (editor.state) return <ReadyEditor editor={editor} state={editor.state} mode={mode} />
  return (
    <div className="manifest-editor me-loading">
      {editor.openError ? (
        <>
          <ErrorMessage error={editor.openError} title="Cannot open Cargo.toml for editing" />
          <div>
            <button type="button" onClick={editor.retryOpen}>
              Try again
            </button>
          </div>
        </>
      ) : (
        <p className="muted">Opening Cargo.toml…</p>
      )}
    </div>
  )
}

type Dialog =
  | { readonly type: 'review'; readonly saved: string; readonly text: string }
  | { readonly type: 'modernise'; readonly from: string; readonly analysis: ManifestAnalysis }
  | { readonly type: 'leave'; readonly answer: (leave: boolean) => void }

const MODERNISE: readonly ManifestEdit[] = [{ op: 'modernize' }]

interface ReadyProps {
  readonly editor: ManifestEditorController
  readonly state: EditorState
  readonly mode: 'desktop' | 'browser' | undefined
}

function ReadyEditor({ editor, state, mode }: ReadyProps) {
  const root = useRef<HTMLDivElement>(null)
  const [dialog, setDialog] = useState<Dialog | undefined>()
  const [status, setStatus] = useState<string | undefined>()
  const [reveal, setReveal] = useState<RevealRequest | undefined>()
  const [moderniseError, setModerniseError] = useState<unknown>()
  const dirty = isDirty(state)
  const readOnly = isReadOnly(state)
  const view = state.analysis.view ?? state.lastView
  const { settle, getState, generation, drafts, edit } = editor

  const revealLine = useCallback((line: number) => setReveal((r) => ({ line, seq: (r?.seq ?? 0) + 1 })), [])

  const openReview = useCallback(() => {
    void settle().then(() => {
      const current = getState()
      if (!current) return
      if (current.text === current.savedText) {
        setStatus('No changes to save.')
        return
      }
      setStatus(undefined)
      setDialog({ type: 'review', saved: current.savedText, text: current.text })
    })
  }, [settle, getState])

  const modernise = (): void => {
    setModerniseError(undefined)
    void settle()
      .then(() => editor.preview(MODERNISE))
      .then(({ from, analysis }) => setDialog({ type: 'modernise', from, analysis }))
      .catch((e: unknown) => setModerniseError(e))
  }

  useEditorShortcuts(root, { save: openReview, undo: editor.undo, redo: editor.redo })
  // The desktop menu's File › Save (its accelerator may take Ctrl/Cmd+S before the page sees it).
  useCommand('save', () => {
    if (!isDialogOpen()) openReview()
  })

  useLeaveGuard(dirty, () => new Promise<boolean>((answer) => setDialog({ type: 'leave', answer })))

  // In a browser tab, closing or reloading with unsaved changes asks too. (In Electron a
  // prevented unload would silently keep the window open, so main must ask there.)
  useEffect(() => {
    if (!dirty || mode !== 'browser') return
    const onBeforeUnload = (e: BeforeUnloadEvent): void => e.preventDefault()
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [dirty, mode])

  useEffect(() => {
    if (status === undefined) return
    const timer = setTimeout(() => setStatus(undefined), 3000)
    return () => clearTimeout(timer)
  }, [status])

  const formContext: FormContextValue | undefined = useMemo(
    () =>
      view && {
        view,
        problems: state.analysis.problems,
        readOnly,
        generation,
        drafts,
        edit: (edits, group) => void edit(edits, group),
        revealLine
      },
    [view, state.analysis.problems, readOnly, generation, drafts, edit, revealLine]
  )

  const markers = useMemo(
    (): LineMarker[] =>
      state.analysis.problems.flatMap((p) => {
        const line = problemLine(view, p)
        return line === undefined ? [] : [{ line, severity: p.severity }]
      }),
    [state.analysis.problems, view]
  )

  const shortcut = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl'
  const closeDialog = (): void => setDialog(undefined)

  return (
    <div className="manifest-editor" ref={root}>
      <EditorToolbar
        dirty={dirty}
        checking={editor.busy || needsAnalysis(state)}
        canUndo={canUndo(state.history)}
        canRedo={canRedo(state.history)}
        status={status}
        shortcut={shortcut}
        onSave={openReview}
        onUndo={editor.undo}
        onRedo={editor.redo}
      />
      {editor.actionError && (
        <div className="me-banner-error">
          <ErrorMessage error={editor.actionError.error} title={editor.actionError.title} />
          <button type="button" className="link-button" onClick={editor.clearActionError}>
            Dismiss
          </button>
        </div>
      )}
      {readOnly && (
        <p className="me-banner me-banner-bad" role="status">
          The TOML does not parse
          {state.analysis.syntaxError ? ` (line ${state.analysis.syntaxError.line})` : ''}, so the forms are
          read-only until it does. Fix it in the raw view, or undo.
        </p>
      )}
      {view?.format === '2014' && (
        <div className="me-banner me-banner-warn">
          <p>
            This manifest uses the 2014 format (<code>[[lib]]</code>, <code>[dependencies.x]</code>, build
            commands). Modernise rewrites it the way today&apos;s cargo expects; you see the diff before
            anything changes.
          </p>
          <button type="button" onClick={modernise} disabled={readOnly}>
            Modernise
          </button>
        </div>
      )}
      {moderniseError !== undefined && <ErrorMessage error={moderniseError} title="Could not modernise" />}
      <div className="me-split">
        <div className="me-forms" aria-label="Manifest forms" role="region">
          <ProblemsSummary problems={state.analysis.problems} view={view} onReveal={revealLine} />
          {formContext ? (
            <ManifestForms context={formContext} />
          ) : (
            <p className="muted">The forms appear once the TOML parses.</p>
          )}
        </div>
        <RawTomlView
          text={state.text}
          onChange={editor.typeRaw}
          onBlur={editor.seal}
          syntaxError={state.analysis.syntaxError}
          markers={markers}
          reveal={reveal}
          onReveal={revealLine}
        />
      </div>
      {dialog?.type === 'review' && (
        <SaveReviewDialog
          saved={dialog.saved}
          text={dialog.text}
          parses={!readOnly}
          onClose={closeDialog}
          onSave={async () => {
            const outcome = await editor.save(dialog.text)
            closeDialog()
            setStatus(outcome === 'saved' ? 'Saved.' : undefined)
          }}
        />
      )}
      {dialog?.type === 'modernise' && (
        <ModerniseDialog
          from={dialog.from}
          to={dialog.analysis.text}
          onClose={closeDialog}
          onAccept={() => {
            editor.acceptPreview(dialog.from, dialog.analysis, MODERNISE)
            closeDialog()
          }}
        />
      )}
      {dialog?.type === 'leave' && (
        <LeaveDialog
          onAnswer={(leave) => {
            closeDialog()
            dialog.answer(leave)
          }}
        />
      )}
      {state.conflict && dialog?.type !== 'review' && (
        <ConflictDialog
          key={state.conflict.hash}
          change={state.conflict}
          base={state.savedText}
          mine={state.text}
          onReload={editor.resolve.reload}
          onKeepMine={editor.resolve.keepMine}
          onMerged={editor.resolve.merged}
        />
      )}
    </div>
  )
}
