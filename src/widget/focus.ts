// Where keyboard focus goes in what survey-view.ts renders. The selectors name its markup, so they
// live beside it rather than in the controllers that decide *when* focus moves.

/** Focuses the control of the question on screen (a rating's tabbable radio, a field). */
export function focusQuestion(root: ParentNode): void {
  root.querySelector<HTMLElement>('.question [tabindex="0"], .question input, .question textarea')?.focus();
}

/** Focuses the first question marked invalid: the control itself, or the first one inside it. */
export function focusProblem(root: ParentNode): void {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"]');
  (first?.matches('input, textarea, button, [tabindex]') ? first : first?.querySelector<HTMLElement>('input, textarea, button, [tabindex="0"]'))?.focus();
}
