import { noChange } from 'lit';
import { Directive, directive, PartType, type DirectiveResult, type PartInfo, type PropertyPart } from 'lit/directive.js';

/**
 * Lit's `live()` for property bindings (`.value`, `.checked`), the only ones it is used on here: the
 * bound value is compared with the element's current property, not with the value last rendered,
 * so a control the user changed (a radio that another radio of its group unchecked, a field whose
 * draft was reset) is set back even when the rendered value did not change.
 *
 * Our own rather than `lit/directives/live.js` because the script tag carries it on every retailer
 * page: this one is half the size (Lit's also handles attribute bindings, which we never
 * need). It uses Lit's public directive API only. Kiosk mode borrows the bundle's (see
 * src/kiosk/script-tag-lit.ts).
 */
class LiveProperty extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.PROPERTY) throw new Error('live() is for property bindings (.value, .checked)');
  }

  render(value: unknown): unknown {
    return value;
  }

  // Sets the property itself, and only when the element's own value differs: Lit has nothing left to commit.
  override update(part: PropertyPart, [value]: [unknown]): unknown {
    const element = part.element as unknown as Record<string, unknown>;
    if (element[part.name] !== value) element[part.name] = value;
    return noChange;
  }
}

/** Binds a property to `value`, checked against the element's live value (see {@link LiveProperty}). */
export const live: (value: unknown) => DirectiveResult<typeof LiveProperty> = directive(LiveProperty);
