// What ships is what we wrote: every css`…` template under src/, as written and as minified by
// build/minify-css.mjs, parsed by Chromium into the same rules with the same declarations. A value
// Chromium serializes differently (`160ms` and `.16s`, `rgb(0 0 0 / 25%)` and `#00000040`) must
// compute to the same value on an element.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parseAst } from 'rollup/parseAst';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { minifyCssParts } from '../../build/minify-css.mjs';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { litTemplates } from '../../build/lit-templates.mjs';
import { launchChromium } from '../e2e/support/browser.js';

interface Template {
  node: { quasi: { quasis: Array<{ value: { raw: string; cooked?: string | null } }> } };
  raw: boolean;
}
const findTemplates = litTemplates as (ast: ReturnType<typeof parseAst>, names: string[]) => Template[];
const minifyParts = minifyCssParts as (parts: string[]) => Promise<string[]>;

const SOURCE = fileURLToPath(new URL('../../src/', import.meta.url));
/** Stands in for each `${…}`, in the source and in the minified text alike. */
const EXPRESSION = '--storevoice-test-expression: 1;';

/** Every css`…` template under src/ (TypeScript first: the plugin reads what TypeScript emits). */
function sourceTemplates(): Array<{ name: string; parts: string[] }> {
  const templates = [];
  for (const file of fs.readdirSync(SOURCE, { recursive: true }).map(String).filter((name) => name.endsWith('.ts')).sort()) {
    const source = fs.readFileSync(path.join(SOURCE, file), 'utf8');
    if (!source.includes('`')) continue;
    const js = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, useDefineForClassFields: false } }).outputText;
    for (const [index, { node, raw }] of findTemplates(parseAst(js), ['css']).entries()) {
      templates.push({ name: `src/${file}, css template ${index + 1}`, parts: node.quasi.quasis.map(({ value }) => (raw ? value.raw : value.cooked!)) });
    }
  }
  return templates;
}

/**
 * Run in the page (as text: tsx names the functions it compiles with a helper the page lacks).
 * `readSheet(text)`: Chromium's reading of one stylesheet, rules as a tree, declarations as
 * `[property, value, priority]`. `sameComputed([property, a, b])`: whether two values of a
 * property compute to the same on an element.
 */
const PAGE_HELPERS = `
  window.readSheet = (text) => {
    const describe = (rules) => [...rules].map((rule) => {
      const style = rule.style;
      const declarations = style ? [...style].map((property) => [property, style.getPropertyValue(property), style.getPropertyPriority(property)]) : [];
      const head = rule instanceof CSSStyleRule ? rule.selectorText
        : rule instanceof CSSKeyframesRule ? '@keyframes ' + rule.name
        : rule instanceof CSSKeyframeRule ? rule.keyText
        : rule instanceof CSSConditionRule ? '@' + rule.constructor.name + ' ' + rule.conditionText
        : rule.cssText;
      return { head, declarations, children: rule.cssRules ? describe(rule.cssRules) : [] };
    });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return describe(sheet.cssRules);
  };
  window.sameComputed = ([property, a, b]) => {
    const probe = document.body.appendChild(document.createElement('div'));
    const computed = (value) => {
      probe.style.cssText = '';
      probe.style.setProperty(property, value);
      return getComputedStyle(probe).getPropertyValue(property);
    };
    const same = computed(a) === computed(b);
    probe.remove();
    return same;
  };
`;
declare global {
  interface Window {
    readSheet(text: string): Rule[];
    sameComputed(values: [string, string, string]): boolean;
  }
}

interface Rule {
  head: string;
  declarations: Array<[string, string, string]>;
  children: Rule[];
}

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
  await page.evaluate(PAGE_HELPERS);
});
after(() => browser?.close());

/**
 * A custom property's value is read as written, so it cannot be computed to compare: `'Segoe UI'`
 * and `"Segoe UI"` are the same string token.
 */
const sameTokens = (a: string, b: string) => {
  const doubleQuoted = (value: string) => value.replace(/'([^'"\\]*)'/g, '"$1"');
  return doubleQuoted(a) === doubleQuoted(b);
};

/** The differences between two readings, values that compute the same excepted. */
async function differences(source: Rule[], minified: Rule[], where = ''): Promise<string[]> {
  const found: string[] = [];
  if (source.length !== minified.length) return [`${where}: ${source.length} rules, minified ${minified.length}`];
  for (const [index, rule] of source.entries()) {
    const other = minified[index]!;
    const at = `${where} > ${rule.head}`;
    if (rule.head !== other.head) found.push(`${where}: rule "${rule.head}" became "${other.head}"`);
    const properties = (declarations: Rule['declarations']) => declarations.map(([property, , priority]) => `${property}${priority ? '!' : ''}`).join(' ');
    if (properties(rule.declarations) !== properties(other.declarations)) found.push(`${at}: properties ${properties(rule.declarations)} became ${properties(other.declarations)}`);
    else {
      for (const [i, [property, value]] of rule.declarations.entries()) {
        const minifiedValue = other.declarations[i]![1];
        if (property.startsWith('--') ? sameTokens(value, minifiedValue) : value === minifiedValue) continue;
        if (!(await page.evaluate((values) => window.sameComputed(values), [property, value, minifiedValue] as [string, string, string]))) {
          found.push(`${at}: ${property}: "${value}" became "${minifiedValue}"`);
        }
      }
    }
    found.push(...(await differences(rule.children, other.children, at)));
  }
  return found;
}

test('Chromium reads every minified css`…` template under src/ as it reads the source', async () => {
  const templates = sourceTemplates();
  assert.ok(templates.length >= 10, `found ${templates.length} css templates under src/`);
  const problems: string[] = [];
  for (const { name, parts } of templates) {
    const minified = await minifyParts(parts);
    // A declaration list is read as the body of a rule, as where it is interpolated.
    const sheet = (text: string) => (text.includes('{') ? text : `:host{${text}}`);
    const [source, result] = await Promise.all([parts.join(EXPRESSION), minified.join(EXPRESSION)].map((text) => page.evaluate((css) => window.readSheet(css), sheet(text))));
    assert.ok(source!.length > 0, `${name}: Chromium read no rule`);
    problems.push(...(await differences(source!, result!, name)));
  }
  assert.deepEqual(problems, []);
});
