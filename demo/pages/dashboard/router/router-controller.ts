import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatRoute, parseRoute, type Route, type RouteGrammar } from './route.js';

/**
 * Keeps a host element in step with the location hash: `route` is the parsed address, and the
 * host re-renders on every change (links, the back and forward buttons, a typed address).
 * Links are plain `<a href="#/…">`, so opening one in a new tab or copying it works as well.
 */
export class RouterController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #grammar: RouteGrammar;
  readonly #onChange: (route: Route) => void;
  #route: Route;

  /** @param onChange called after the user moved to another address (not on `replace`). */
  constructor(host: ReactiveControllerHost, grammar: RouteGrammar, onChange: (route: Route) => void = () => {}) {
    this.#host = host;
    this.#grammar = grammar;
    this.#onChange = onChange;
    this.#route = parseRoute(location.hash, grammar);
    host.addController(this);
  }

  get route(): Route {
    return this.#route;
  }

  /** Rewrites the address without a new history entry (defaults filled in, a role's landing place). */
  replace(route: Route): void {
    const hash = formatRoute(route);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    this.#route = route;
    this.#host.requestUpdate();
  }

  /** Goes to a route as a new history entry, as a link would. */
  go(route: Route): void {
    location.hash = formatRoute(route);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.#handleHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.#handleHashChange);
  }

  readonly #handleHashChange = (): void => {
    this.#route = parseRoute(location.hash, this.#grammar);
    this.#host.requestUpdate();
    this.#onChange(this.#route);
  };
}
