import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Timer, type Scheduler } from './scheduler.js';

export interface IdleOptions {
  /** Milliseconds without activity before `onIdle`; read at each arming, so attribute changes apply. */
  readonly timeout: () => number;
  /** Whether there is anything to time out (a survey in progress); the timer only runs while true. */
  readonly active: () => boolean;
  readonly onIdle: () => void;
  readonly clock: Scheduler;
}

// Anything a customer does, however they do it: touch, mouse, keyboard or switch, typing.
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

/**
 * Ends an abandoned survey: while `active()`, `onIdle` runs after `timeout()` ms without activity
 * on the element. Events from inside the shadow root reach the host (they are composed), so one
 * set of listeners on the host sees everything.
 */
export class IdleController implements ReactiveController {
  private readonly timer: Timer;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: IdleOptions,
  ) {
    this.timer = new Timer(options.clock);
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of ACTIVITY) this.host.addEventListener(type, this.poke, { capture: true, passive: true });
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY) this.host.removeEventListener(type, this.poke, { capture: true });
    this.timer.clear();
  }

  /** After each render: start timing once a survey is under way, stop once it is not. */
  hostUpdated(): void {
    if (!this.options.active()) this.timer.clear();
    else if (!this.timer.armed) this.arm();
  }

  /** Activity: start the wait again. */
  readonly poke = (): void => {
    if (this.options.active()) this.arm();
  };

  private arm(): void {
    this.timer.set(Math.max(0, this.options.timeout()), () => {
      if (this.options.active()) this.options.onIdle();
    });
  }
}
