// Launcher mode remembers a shopper who closed the survey without answering (the element's
// `dismissedAt`), so a page that opens the survey by itself can leave them alone.

const DISMISSED_PREFIX = 'storevoice:dismissed:';

/** Remembers that the shopper closed survey `id` without answering, so a page that opens it by itself does not nag. */
export function rememberDismissal(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(DISMISSED_PREFIX + id, String(Date.now()));
  } catch {
    // Storage disabled: nothing to remember with.
  }
}

/** When the shopper last closed survey `id` without answering (epoch ms), if ever. */
export function dismissedAt(id: string | undefined): number | undefined {
  try {
    const value = id && localStorage.getItem(DISMISSED_PREFIX + id);
    return value ? Number(value) : undefined;
  } catch {
    return undefined;
  }
}
