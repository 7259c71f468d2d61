import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import { attachLongPress } from '../../../src/kiosk/admin/index.js';

const DURATION = 120;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pointer(target: Element, type: string, init: PointerEventInit = {}) {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, isPrimary: true, pointerId: 7, pointerType: 'touch', button: type === 'pointermove' ? -1 : 0, clientX: 10, clientY: 10, ...init }));
}

describe('kiosk admin: long press', () => {
  let target: HTMLButtonElement;
  let presses: number;
  let dispose: () => void;

  beforeEach(() => {
    target = document.createElement('button');
    target.textContent = 'Staff settings';
    target.style.cssText = 'position:fixed;top:0;left:0;width:80px;height:80px';
    document.body.append(target);
    presses = 0;
    dispose = attachLongPress(target, { durationMs: DURATION, onLongPress: () => presses++ });
  });
  afterEach(async () => {
    dispose();
    target.remove();
    await resetMouse();
  });

  it('fires once when a touch is held for the duration', async () => {
    pointer(target, 'pointerdown');
    await wait(DURATION / 2);
    expect(presses).to.equal(0);
    await wait(DURATION);
    expect(presses).to.equal(1);
    pointer(target, 'pointerup');
    await wait(DURATION);
    expect(presses).to.equal(1);
  });

  it('does not fire for a short press', async () => {
    pointer(target, 'pointerdown');
    await wait(DURATION / 3);
    pointer(target, 'pointerup');
    await wait(DURATION * 2);
    expect(presses).to.equal(0);
  });

  it('is cancelled by a move over 10px, by leaving the target and by pointercancel, but not by a small wobble', async () => {
    pointer(target, 'pointerdown');
    pointer(target, 'pointermove', { clientX: 16, clientY: 16 }); // 8.5px: a finger is never still
    await wait(DURATION * 1.5);
    expect(presses).to.equal(1);
    for (const [type, init] of [['pointermove', { clientX: 10, clientY: 22 }], ['pointerleave', {}], ['pointercancel', {}]] as const) {
      pointer(target, 'pointerdown');
      await wait(DURATION / 3);
      pointer(target, type, init);
      await wait(DURATION * 1.5);
    }
    expect(presses).to.equal(1);
  });

  it('ignores a second finger and secondary mouse buttons', async () => {
    pointer(target, 'pointerdown', { button: 2, pointerType: 'mouse' });
    await wait(DURATION * 1.5);
    expect(presses).to.equal(0);
    pointer(target, 'pointerdown');
    await wait(DURATION / 3);
    pointer(target, 'pointerdown', { pointerId: 8, isPrimary: false });
    pointer(target, 'pointerup', { pointerId: 8, isPrimary: false });
    await wait(DURATION);
    expect(presses).to.equal(1);
  });

  /** Real input goes through the test runner (a round trip to Node): a longer press keeps a slow machine from turning a short press into a long one. */
  const REAL = 600;
  function realInput() {
    dispose();
    dispose = attachLongPress(target, { durationMs: REAL, onLongPress: () => presses++ });
  }

  it('works with a real mouse held down (browser-generated pointer events)', async () => {
    realInput();
    await sendMouse({ type: 'move', position: [40, 40] });
    await sendMouse({ type: 'down' });
    await wait(REAL * 1.5);
    await sendMouse({ type: 'up' });
    expect(presses).to.equal(1);
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'up' });
    await wait(REAL);
    expect(presses).to.equal(1);
  });

  it('suppresses the context menu a long touch opens', () => {
    const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).to.equal(true);
  });

  it('fires when Enter or Space is held on the focused target, not on a short key press', async () => {
    realInput();
    target.focus();
    await sendKeys({ down: 'Enter' });
    await wait(REAL * 1.5);
    await sendKeys({ up: 'Enter' });
    expect(presses).to.equal(1);
    await sendKeys({ down: 'Space' });
    await sendKeys({ up: 'Space' });
    await wait(REAL);
    expect(presses).to.equal(1);
    await sendKeys({ down: 'Space' });
    await wait(REAL * 1.5);
    await sendKeys({ up: 'Space' });
    expect(presses).to.equal(2);
  });

  it('stops listening, and drops a pending press, once disposed', async () => {
    pointer(target, 'pointerdown');
    dispose();
    await wait(DURATION * 1.5);
    pointer(target, 'pointerdown');
    await wait(DURATION * 1.5);
    expect(presses).to.equal(0);
  });
});
