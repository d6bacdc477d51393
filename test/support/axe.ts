/**
 * axe-core's WCAG 2.2 AA rules on a page as it is now, with the results AxeBuilder would give.
 *
 * AxeBuilder's default path injects axe into every frame, runs axe.runPartial there, then opens a
 * second page to run axe.finishRun, injecting axe again: ~0.4–0.9 s a check, most of the browser
 * tests' time. On a page without frames that detour gives what axe.run gives in the page itself
 * (axe-core documents the pair as equivalent to axe.run), so such a page is checked by axe.run,
 * with axe injected once per document; a page with frames still goes through AxeBuilder, which
 * reaches into them.
 */
import { AxeBuilder } from '@axe-core/playwright';
import axe, { type AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Only violations are reported in full (the tests read nothing else): axe still runs every rule
 * and finds every violating node, but no longer collects each passing node's details, which on the
 * calendar page was most of its time (resultTypes, axe-core's API).
 */
const OPTIONS = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] } as const;
const RUN = `axe.run(document, ${JSON.stringify(OPTIONS)})`;

export async function runAxe(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) {
    return new AxeBuilder({ page })
      .options({ resultTypes: ['violations'] })
      .withTags(AXE_TAGS)
      .analyze();
  }
  if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axe.source);
  return page.evaluate<AxeResults>(RUN);
}
