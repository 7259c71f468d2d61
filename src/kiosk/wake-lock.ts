import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the tablet's screen on with the Screen Wake Lock API where there is one. The browser
 * releases the lock whenever the page is hidden (screen off, another app), so it is asked for
 * again each time the page becomes visible. A refusal (battery saver, no permission) is fine:
 * the device's own settings decide then.
 */
export class WakeLockController implements ReactiveController {
  private sentinel: WakeLockSentinel | undefined;
  private connected = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.acquire();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    const sentinel = this.sentinel;
    this.sentinel = undefined;
    sentinel?.release().catch(() => undefined);
  }

  /** Whether the screen is currently held on (for tests and diagnostics). */
  get held(): boolean {
    return this.sentinel !== undefined && !this.sentinel.released;
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') void this.acquire();
  };

  private async acquire(): Promise<void> {
    if (!('wakeLock' in navigator) || this.held || document.visibilityState !== 'visible') return;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      if (this.connected) this.sentinel = sentinel;
      else await sentinel.release();
    } catch {
      // Refused: nothing to hold.
    }
  }
}
