import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { contrast, luminance, mountProbe, type ThemeProbe } from './theme-probe.js';

type Variable = `--_${string}`;

/**
 * Pairs the widget draws, and the WCAG 2.2 AA minimum for each: 4.5:1 for text (1.4.3), 3:1 for
 * focus rings and input borders (1.4.11). The accent colour is held to 4.5 because it also colours
 * links, which are text.
 */
const pairs: readonly (readonly [foreground: Variable, background: Variable, minimum: number])[] = [
  ['--_text', '--_surface', 4.5],
  ['--_text', '--_surface-alt', 4.5],
  ['--_muted', '--_surface', 4.5],
  ['--_muted', '--_surface-alt', 4.5],
  ['--_on-accent', '--_accent', 4.5],
  ['--_danger', '--_surface', 4.5],
  ['--_danger', '--_surface-alt', 4.5],
  ['--_accent', '--_surface', 4.5],
  ['--_accent', '--_surface-alt', 3],
  ['--_focus', '--_surface', 3],
  ['--_focus', '--_surface-alt', 3],
  ['--_border', '--_surface', 3],
];

/** Exact ratios of the default palettes, so a change of token is a visible, reviewed change. */
const expected: Record<'light' | 'dark', Record<string, number>> = {
  light: { '--_text/--_surface': 16.56, '--_muted/--_surface': 7.43, '--_on-accent/--_accent': 6.67, '--_danger/--_surface': 6.54, '--_accent/--_surface': 6.67, '--_focus/--_surface': 6.67, '--_border/--_surface': 3.07 },
  dark: { '--_text/--_surface': 14.77, '--_muted/--_surface': 7.4, '--_on-accent/--_accent': 8.18, '--_danger/--_surface': 7.45, '--_accent/--_surface': 8.45, '--_focus/--_surface': 8.45, '--_border/--_surface': 3.82 },
};

const ratio = (probe: ThemeProbe, foreground: Variable, background: Variable) => contrast(probe.rgb(foreground), probe.rgb(background));

describe('theme contrast (WCAG 2.2 AA)', () => {
  afterEach(async () => {
    document.querySelectorAll('test-theme-probe').forEach((probe) => probe.remove());
    await emulateMedia({ colorScheme: 'light' });
  });

  it('measures contrast as WCAG defines it', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).to.equal(21);
    expect(contrast([255, 255, 255], [0, 0, 0])).to.equal(21);
    expect(contrast([119, 119, 119], [255, 255, 255])).to.be.closeTo(4.48, 0.01); // #777: the classic near miss
    expect(contrast([118, 118, 118], [255, 255, 255])).to.be.closeTo(4.54, 0.01); // #767676: the lightest grey that passes
    expect(luminance([255, 255, 255])).to.equal(1);
  });

  for (const theme of ['light', 'dark'] as const) {
    describe(`theme="${theme}"`, () => {
      for (const [foreground, background, minimum] of pairs) {
        it(`${foreground} on ${background} is at least ${minimum}:1`, async () => {
          const probe = await mountProbe({ theme });
          const measured = ratio(probe, foreground, background);
          expect(measured, `${foreground} on ${background} = ${measured.toFixed(2)}:1`).to.be.at.least(minimum);
          const pinned = expected[theme][`${foreground}/${background}`];
          if (pinned !== undefined) expect(measured).to.be.closeTo(pinned, 0.01);
        });
      }
    });
  }

  it('applies the light palette without a theme attribute, and the dark one for theme="dark"', async () => {
    const plain = await mountProbe();
    const dark = await mountProbe({ theme: 'dark' });
    expect(plain.rgb('--_surface')).to.deep.equal([255, 255, 255]);
    expect(luminance(dark.rgb('--_surface'))).to.be.below(0.02);
    expect(luminance(dark.rgb('--_text'))).to.be.above(0.7);
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    expect(getComputedStyle(plain).colorScheme).to.equal('normal');
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const probe = await mountProbe({ theme: 'auto' });
    await emulateMedia({ colorScheme: 'light' });
    expect(probe.rgb('--_surface')).to.deep.equal([255, 255, 255]);
    await emulateMedia({ colorScheme: 'dark' });
    expect(probe.rgb('--_surface')).to.deep.equal([0x15, 0x18, 0x1c]);
    expect(probe.rgb('--_text')).to.deep.equal([0xe8, 0xea, 0xed]);
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
  });

  it('theme="light" stays light under a dark preference', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const probe = await mountProbe({ theme: 'light' });
    expect(probe.rgb('--_surface')).to.deep.equal([255, 255, 255]);
  });

  it('reads public overrides, per theme, from the host page', async () => {
    const style = '--storevoice-color-accent: #5a2d82; --storevoice-dark-color-accent: #d0b4f0';
    const light = await mountProbe({}, style);
    const dark = await mountProbe({ theme: 'dark' }, style);
    expect(light.rgb('--_accent')).to.deep.equal([0x5a, 0x2d, 0x82]);
    expect(dark.rgb('--_accent')).to.deep.equal([0xd0, 0xb4, 0xf0]);
  });

  it('catches an override that breaks contrast', async () => {
    // #999 muted text on white: a common brand choice, and a failure this check must report.
    const probe = await mountProbe({}, '--storevoice-color-muted: #999999');
    const measured = ratio(probe, '--_muted', '--_surface');
    expect(measured).to.be.closeTo(2.85, 0.01);
    expect(measured).to.be.below(4.5);
  });
});
