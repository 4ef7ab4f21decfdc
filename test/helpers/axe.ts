/**
 * axe-core in a playwright page, for the E2E suite's accessibility checks. The script goes in
 * through `page.evaluate` (the DevTools protocol), because the app's CSP refuses inline scripts;
 * the rules are WCAG 2.0–2.2 A and AA, colour contrast included.
 */
import axe from 'axe-core'
import type { Page } from 'playwright-core'

/** The WCAG 2.x levels A and AA, as axe tags them. */
export const WCAG_AA_TAGS: readonly string[] = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The impacts that fail a check: "minor" and "moderate" ones are reported but tolerated. */
const FAILING: ReadonlySet<string> = new Set(['serious', 'critical'])

export interface AxeNode {
  /** CSS selectors to the element (more than one when it sits in a frame or shadow root). */
  readonly target: readonly string[]
  readonly html: string
  readonly failureSummary: string
}

export interface AxeViolation {
  readonly id: string
  readonly impact: string
  readonly help: string
  readonly helpUrl: string
  readonly nodes: readonly AxeNode[]
}

export interface AxeScope {
  /** Only this part of the page (a CSS selector), e.g. an open dialog. */
  readonly include?: string
  /** Parts to leave out (CSS selectors). */
  readonly exclude?: readonly string[]
}

/** The page's global once the script is in (the tests compile without DOM types). */
interface AxeGlobal {
  readonly axe?: typeof axe
}

/** Runs axe on what the page shows now and returns every WCAG A/AA violation it found. */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<readonly AxeViolation[]> {
  if (!(await page.evaluate<boolean>('typeof axe !== "undefined"'))) await page.evaluate(axe.source)
  return page.evaluate(
    async ({ include, exclude, tags }) => {
      const result = await (globalThis as AxeGlobal).axe!.run(
        { include: [include ?? 'html'], exclude: exclude.map((s) => [s]) },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }
      )
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? 'unknown',
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String),
          html: n.html,
          failureSummary: n.failureSummary ?? ''
        }))
      }))
    },
    { include: scope.include, exclude: [...(scope.exclude ?? [])], tags: [...WCAG_AA_TAGS] }
  )
}

/** The violations that fail a check: serious or critical. */
export function seriousViolations(violations: readonly AxeViolation[]): readonly AxeViolation[] {
  return violations.filter((v) => FAILING.has(v.impact))
}

/** One block per violation: rule, impact, help, and each element's selector and what is wrong. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) => `    ${n.target.join(' >>> ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`
      )
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`
    })
    .join('\n')
}
