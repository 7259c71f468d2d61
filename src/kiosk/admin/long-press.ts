export interface LongPressOptions {
  /** How long the press must last. @default 3000 */
  readonly durationMs?: number;
  /** How far (px) the pointer may wander before the press no longer counts. @default 10 */
  readonly moveTolerance?: number;
  /** Keys that, held down while `target` has focus, count as a long press. @default ['Enter', ' '] */
  readonly keys?: readonly string[];
  /** Called once per completed long press. */
  readonly onLongPress: () => void;
}

/**
 * Calls `onLongPress` when `target` is pressed for `durationMs` without moving more than
 * `moveTolerance` px: a gesture a shopper does not make by accident, for the kiosk's hidden admin
 * corner. Returns a function that removes every listener and pending timer.
 *
 * Pointer events cover touch, pen and mouse alike. The press ends early on `pointerup`,
 * `pointercancel` (the browser took over for a scroll), `pointerleave` and a move beyond the
 * tolerance. A second finger does not restart it. The context menu a long touch opens on Android
 * is suppressed on `target`.
 *
 * Keyboard and switch access: holding Enter or Space for the same time while `target` has focus
 * does the same. It is the same gesture, so it needs no separate documentation for staff, and
 * switch interfaces that emulate a keyboard send keydown when the switch closes and keyup when it
 * opens, so holding the switch holds the key. Auto-repeated keydowns are ignored; a short press
 * does nothing (the target keeps its usual click). Give `target` a `tabindex` and an accessible
 * name for this to be reachable.
 *
 * @example
 * const dispose = attachLongPress(corner, { onLongPress: () => admin.open() });
 * // later, e.g. in disconnectedCallback:
 * dispose();
 */
export function attachLongPress(target: HTMLElement, options: LongPressOptions): () => void {
  const duration = options.durationMs ?? 3000;
  const tolerance = options.moveTolerance ?? 10;
  const keys = options.keys ?? ['Enter', ' '];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pointer: { id: number; x: number; y: number } | undefined;
  let key: string | undefined;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pointer = undefined;
    key = undefined;
  };
  const start = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      cancel();
      options.onLongPress();
    }, duration);
  };

  const onPointerDown = (event: PointerEvent) => {
    // A second finger, or a right/middle mouse button, is not a long press.
    if (pointer || !event.isPrimary || event.button !== 0) return;
    pointer = { id: event.pointerId, x: event.clientX, y: event.clientY };
    start();
  };
  const onPointerMove = (event: PointerEvent) => {
    if (pointer?.id === event.pointerId && Math.hypot(event.clientX - pointer.x, event.clientY - pointer.y) > tolerance) cancel();
  };
  const onPointerEnd = (event: PointerEvent) => {
    if (pointer?.id === event.pointerId) cancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.repeat || !keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    key = event.key;
    start();
  };
  const onKeyUp = (event: KeyboardEvent) => {
    if (event.key === key) cancel();
  };
  const onContextMenu = (event: Event) => event.preventDefault();

  const listeners: [string, EventListener][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['pointermove', onPointerMove as EventListener],
    ['pointerup', onPointerEnd as EventListener],
    ['pointercancel', onPointerEnd as EventListener],
    ['pointerleave', onPointerEnd as EventListener],
    ['keydown', onKeyDown as EventListener],
    ['keyup', onKeyUp as EventListener],
    // Focus moving away mid-hold (a switch scanner moving on) ends a keyboard hold too.
    ['blur', cancel],
    ['contextmenu', onContextMenu],
  ];
  for (const [type, listener] of listeners) target.addEventListener(type, listener);
  return () => {
    cancel();
    for (const [type, listener] of listeners) target.removeEventListener(type, listener);
  };
}
