import { TaskStatus, type Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { ApiFailure } from '../api/http.js';
import type { Messages } from '../i18n/messages.js';

declare global {
  interface HTMLElementEventMap {
    /** A request answered 401: the session expired or was ended elsewhere. */
    'sv-session-ended': CustomEvent<void>;
  }
}

/**
 * A task's `onError` for views: on a 401, tells the shell the session has ended (it shows the
 * login form again). Every other failure is shown by {@link renderTaskState}.
 */
export function reportSessionEnd(host: HTMLElement): (error: unknown) => void {
  return (error) => {
    if (error instanceof ApiFailure && error.status === 401) host.dispatchEvent(new CustomEvent('sv-session-ended', { bubbles: true }));
  };
}

export interface TaskStateOptions<T> {
  readonly m: Messages;
  /** The place the figures are about, for "You do not have access to …". */
  readonly place: string;
  /** The figures, once the answer for the current address is in. */
  readonly complete: (value: T) => unknown;
}

/**
 * What a view shows while its data task runs: "Loading", the figures, or why there are none.
 * Loading and failing show **no figures at all**: the task's value is only read when the task
 * completed for the current arguments (the request key), so numbers of an earlier address, or
 * of a request that failed, never stay on screen under a new heading. Lit's Task aborts the run
 * it replaces and drops its late answer.
 */
export function renderTaskState<T>(task: Task<readonly unknown[], T>, options: TaskStateOptions<T>): unknown {
  switch (task.status) {
    case TaskStatus.COMPLETE:
      return options.complete(task.value as T);
    case TaskStatus.ERROR:
      return renderFailure(task.error, options.m, options.place, () => void task.run());
    default:
      return html`<p class="state state-loading" role="status">${options.m.state.loading}</p>`;
  }
}

function renderFailure(error: unknown, m: Messages, place: string, retry: () => void): TemplateResult {
  let title: string;
  let detail = '';
  let retryable = true;
  if (error instanceof ApiFailure) {
    if (error.kind === 'network') title = m.state.unreachable;
    else if (error.kind === 'shape') {
      title = m.state.unexpected;
      detail = error.message;
    } else if (error.status === 401) {
      title = m.login.sessionEnded;
      retryable = false;
    } else if (error.status === 403) {
      title = m.state.forbidden(place);
      detail = error.message;
      retryable = false;
    } else if (error.status >= 400 && error.status < 500) {
      title = m.state.invalid;
      detail = [error.message, ...error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)].join(' — ');
      retryable = false;
    } else title = m.state.failed(error.status);
  } else {
    title = m.state.unexpected;
    detail = error instanceof Error ? error.message : String(error);
  }
  return html`<div class="state state-error" role="alert">
    <p class="title">${title}</p>
    ${detail ? html`<p class="detail">${detail}</p>` : ''}
    ${retryable ? html`<button type="button" @click=${retry}>${m.state.retry}</button>` : ''}
  </div>`;
}
