import { expect } from '@open-wc/testing';
import { testCollector } from '../support/collector.js';
import { $$, everyTypeSurvey, mountWidget } from './helpers.js';

// axe on every mode × question type × theme × direction. Every question type is on one page, so
// each run checks all eight types at once, unanswered and then answered.
describe('accessibility sweep (axe)', () => {
  for (const mode of ['inline', 'launcher'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      for (const locale of ['en', 'ar'] as const) {
        it(`${mode}, ${theme} theme, ${locale === 'ar' ? 'rtl' : 'ltr'}`, async () => {
          const collector = await testCollector();
          const el = await mountWidget(collector, everyTypeSurvey, { mode, theme, locale });
          if (mode === 'launcher') await el.open();
          await expect(el).to.be.accessible();
          // Answer the rating questions and a choice, so checked states are checked too.
          for (const group of $$(el, '[role="radiogroup"]')) (group.querySelector('[role="radio"], input') as HTMLElement | null)?.click();
          await el.updateComplete;
          // Let colour transitions end: axe reads the colours of the moment.
          await new Promise((resolve) => setTimeout(resolve, 400));
          await expect(el).to.be.accessible();
          if (mode === 'launcher') el.close();
        });
      }
    }
  }
});
