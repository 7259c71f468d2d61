import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Client, SubmitResult } from '../../sdk/client.js';
import type { Answer } from '../../sdk/schema/answer.js';
import type { ContextInput, Tags } from '../../sdk/schema/context.js';
import type { Question, SurveyDefinition } from '../../sdk/schema/survey.js';
import { pruneAnswers, visibleQuestions } from '../../sdk/survey/engine.js';
import { validateAnswer, type AnswerCheck } from '../../sdk/survey/validate.js';
import { createClient, preloadDelivery } from '../delivery/client.js';
import { nextTask } from '../internal/next-task.js';
import { emit } from './events.js';
import { focusProblem, focusQuestion } from './focus.js';
import { loadSurvey } from './survey-loader.js';

/** Said when there is nowhere to send feedback, when the survey loads and again at submit time. */
const NO_ENDPOINT = 'the endpoint attribute is missing (or set the client property)';

/**
 * Where a survey is: its definition is `loading`; it could not be (`unavailable`, the console says
 * why); the shopper is answering (`survey`); it is being submitted (`sending`); the outcome is on
 * screen (`done`, see {@link FlowState.result}).
 */
export type FlowPhase = 'loading' | 'unavailable' | 'survey' | 'sending' | 'done';

/** The element the flow runs in: its survey and collector attributes, and its shadow root. */
export interface SurveyFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly survey: string | SurveyDefinition | undefined;
  readonly endpoint: string | undefined;
  /** The brand's write key, for a client the flow makes from `endpoint`. */
  readonly key: string | undefined;
  /** A client the host page made itself, if any. */
  readonly client: Client | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Moves a survey on after an answer and at its end. Without one, the flow does it itself: a
 * one-tap micro survey is sent at its answer, a complete survey is delivered. Kiosk mode is one
 * (a score moves on by itself; rate limit and manager offer before delivery).
 */
export interface FlowDriver {
  /** An answer changed (after `storevoice-answer`). */
  answered(question: Question, answer: Answer | undefined): void;
  /** Every visible question is valid: deliver `answers`, now or later ({@link SurveyFlowController.deliver}). */
  complete(answers: readonly Answer[]): void;
}

export interface SurveyFlowOptions {
  /** The context the element adds to a submission of `answers`: its attributes and language. */
  readonly context: (answers: readonly Answer[]) => ContextInput;
  /** Resolves when the first screen may show: a survey appears together with the shopper's language. */
  readonly ready: () => Promise<unknown>;
}

/** The flow at one moment. A new object after every change, never one changed in place. */
export interface FlowState {
  readonly phase: FlowPhase;
  readonly definition?: SurveyDefinition | undefined;
  /** The answers given, pruned of questions a `showIf` hides: what gets submitted. */
  readonly answers: readonly Answer[];
  /** The question on screen (one per screen). */
  readonly currentId?: string | undefined;
  /** Validation problems by question id, shown since the last `next()` or `send()`. */
  readonly problems: ReadonlyMap<string, AnswerCheck>;
  /** The outcome on screen in phase `done`; `undefined` there means nothing was queued. */
  readonly result?: SubmitResult | undefined;
}

const RATING_TYPES = new Set<Question['type']>(['smiley', 'stars', 'nps', 'csat']);

/**
 * One shopper's way through a survey: loads the definition whenever the element's `survey`,
 * `endpoint` or `client` changes; keeps the answers (pruned of questions a `showIf` hides), the
 * current question and the validation problems; moves on (`next`, `back`), validates (`send`) and
 * submits through the SDK (`deliver`), reporting each step as the element's public events. It is
 * the widget's only way to the network: it submits through the client the host page gave
 * (`widget.client = createClient(...)`) or one it makes from `endpoint` and `key`, and destroys
 * only a client it made. It renders nothing: survey-view.ts draws its state, and kiosk mode drives
 * it ({@link FlowDriver}).
 *
 * @example
 * readonly #flow = new SurveyFlowController(this, {
 *   context: (answers) => ({ store: this.store }),
 *   ready: () => this.#locale.load(),
 * });
 * render() { return this.#flow.state.phase === 'done' ? html`Thanks` : html`<button @click=${() => this.#flow.next()}>Next</button>`; }
 */
export class SurveyFlowController implements ReactiveController {
  /** Who moves the survey on; `undefined` leaves it to the flow itself. */
  driver: FlowDriver | undefined;
  readonly #host: SurveyFlowHost;
  readonly #options: SurveyFlowOptions;
  /** The client this flow made, and what it was made from. */
  #owned: { client: Client; endpoint: string; key: string | undefined } | undefined;
  #state: FlowState = { phase: 'loading', answers: [], problems: new Map() };
  /** What the survey was last loaded from: `survey`, it as JSON, `endpoint`, `client`. */
  #source: readonly unknown[] | undefined;
  #loads = 0;
  #loading: Promise<void> = Promise.resolve();
  #lastError = '';
  /** Bumped by restart(): an outcome that arrives for an earlier shopper must not reach this one. */
  #serial = 0;

  constructor(host: SurveyFlowHost, options: SurveyFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Where the survey is now; every change replaces it (and updates the element). */
  get state(): FlowState {
    return this.#state;
  }

  /** The client submissions go through: the host page's, or one made from `endpoint` and `key`; `undefined` without either. */
  get client(): Client | undefined {
    const host = this.#host;
    if (host.client) return host.client;
    const { endpoint, key } = host;
    if (!endpoint) return undefined;
    if (!this.#owned || this.#owned.endpoint !== endpoint || this.#owned.key !== key) {
      this.#owned?.client.destroy();
      // A relative endpoint ("/feedback/v1") is resolved against the page, as a link would be.
      const absolute = new URL(endpoint, document.baseURI).href;
      this.#owned = { client: createClient({ endpoint: absolute, ...(key && { key }) }), endpoint, key };
    }
    return this.#owned.client;
  }

  /** Off the page: a client this flow made stops its timers and listeners (its outbox stays). */
  hostDisconnected(): void {
    this.#owned?.client.destroy();
    this.#owned = undefined;
  }

  /**
   * The questions the shopper sees with the current answers, and where the current one stands among
   * them. It is always one of them: a `showIf` only looks at earlier questions, and only the current
   * question is on screen to be answered (on a page, the first one, which nothing can hide).
   */
  get steps(): { readonly visible: Question[]; readonly index: number } {
    const { definition, answers, currentId } = this.#state;
    const visible = definition ? visibleQuestions(definition, answers) : [];
    return { visible, index: visible.findIndex((q) => q.id === currentId) };
  }

  /** A one-question rating survey (a "micro survey"): one tap sends it, so it has no Send button. */
  get micro(): boolean {
    const questions = this.#state.definition?.questions;
    return questions?.length === 1 && RATING_TYPES.has(questions[0]!.type);
  }

  hostUpdate(): void {
    this.loadIfChanged();
  }

  /**
   * Loads the survey when `survey`, `endpoint` or `client` changed since it was last loaded (each
   * update checks). The element also calls it before its first update, which waits for a task of
   * its own, so the survey request is not held back by it.
   */
  loadIfChanged(): void {
    const { survey, endpoint, client } = this.#host;
    const last = this.#source;
    // A host framework may hand over an equal survey object on every render: only a real change
    // reloads (and so restarts the survey). A new object is compared by content; the same one is not
    // looked at again, so a survey changed in place, as Lit itself, goes unnoticed.
    const source = [survey, last && survey === last[0] ? last[1] : JSON.stringify(survey), endpoint, client];
    this.#source = source;
    if (!last || source.some((value, i) => i > 0 && value !== last[i])) this.#loading = this.#load();
  }

  /** Settles when the survey last asked for is shown or known to be unavailable (it never rejects). */
  get loaded(): Promise<void> {
    return this.#loading;
  }

  /**
   * Replaces the definition without reloading or restarting (a kiosk's own staff roster in its
   * staff questions); the next load replaces it again.
   */
  define(definition: SurveyDefinition): void {
    this.#set({ definition });
  }

  /** Clears answers, problems and the outcome, and goes back to the first question. */
  restart(): void {
    const { definition, phase } = this.#state;
    this.#serial++;
    this.#set({
      phase: definition ? 'survey' : phase,
      answers: [],
      currentId: definition && visibleQuestions(definition, [])[0]?.id,
      problems: new Map(),
      result: undefined,
    });
  }

  /** Records (or, with `undefined`, clears) the answer to `question`; a question it shows or hides follows. */
  answer(question: Question, answer: Answer | undefined): void {
    const { definition, problems } = this.#state;
    const others = this.#state.answers.filter((a) => a.questionId !== question.id);
    const answers = answer ? [...others, answer] : others;
    // A shown problem goes (or changes) as soon as the answer does; none appears before Next.
    let rechecked = problems;
    if (problems.has(question.id)) {
      const check = validateAnswer(question, answer);
      const copy = new Map(problems);
      if (check.valid) copy.delete(question.id);
      else copy.set(question.id, check);
      rechecked = copy;
    }
    this.#set({ answers: definition ? pruneAnswers(definition, answers) : answers, problems: rechecked });
    preloadDelivery();
    emit(this.#host, 'storevoice-answer', { questionId: question.id, answer });
    if (this.driver) this.driver.answered(question, answer);
    else if (answer && this.micro) this.send();
  }
  /** Validates the current question, then shows the next one (or, after the last, sends). */
  next(): void {
    // The current answer may open a branch: the following question is looked up after it.
    const { visible, index } = this.steps;
    const current = visible[index];
    if (!current || !this.#check([current])) return;
    const following = visible[index + 1];
    if (following) this.#goTo(following.id);
    else this.send();
  }

  /** Shows the previous visible question. */
  back(): void {
    const { visible, index } = this.steps;
    const previous = visible[index - 1];
    if (previous) this.#goTo(previous.id);
  }

  /** Validates every visible question, then completes the survey (see {@link FlowDriver.complete}). */
  send(): void {
    const { definition, phase } = this.#state;
    if (!definition || phase === 'sending') return;
    // The same test as the SDK's isComplete(), question by question, so the problems can be shown.
    if (!this.#check(this.steps.visible)) return;
    if (this.driver) this.driver.complete(this.#state.answers);
    else void this.deliver(this.#state.answers);
  }

  /** "Try again" after a refused submission. */
  retry(): void {
    this.#set({ phase: 'survey' });
    this.send();
  }

  /**
   * Submits through the SDK and shows an honest outcome: delivered, saved for later, or refused.
   * `tags` are added to the submission's context; `background` (a kiosk's idle submit, whose screen
   * is already reset for the next customer) leaves the screen alone and only reports events.
   * Resolves with the result, or `undefined` when nothing was queued (bad configuration or input).
   */
  async deliver(answers: readonly Answer[], tags?: Tags, background?: boolean): Promise<SubmitResult | undefined> {
    const definition = this.#state.definition!;
    const serial = this.#serial;
    const shown = () => !background && serial === this.#serial;
    const context = this.#options.context(answers);
    const host = this.#host;
    if (shown()) this.#set({ phase: 'sending' });
    emit(host, 'storevoice-submit', { answers });
    try {
      const client = this.client;
      if (!client) throw new Error(NO_ENDPOINT);
      const result = await client.submit({
        surveyId: definition.id,
        // An undefined surveyVersion is left out of the submission by the SDK.
        surveyVersion: definition.version,
        answers: [...answers],
        // The element's context layered over the client's own; a kiosk's tags on top.
        context: tags ? { ...context, tags: { ...context.tags, ...tags } } : context,
      });
      if (shown()) this.#set({ phase: 'done', result });
      if (result.status === 'sent' || result.status === 'queued') emit(host, `storevoice-${result.status}`, { result });
      else if (result.status === 'failed') emit(host, 'storevoice-error', { code: 'rejected', message: result.message ?? result.reason ?? 'refused', result });
      return result;
    } catch (error) {
      // Bad configuration or invalid input: nothing was queued; say so and let the shopper retry.
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[storevoice] <storevoice-widget>: ${message}`);
      if (shown()) this.#set({ phase: 'done', result: undefined });
      emit(host, 'storevoice-error', { code: 'config', message });
      return undefined;
    }
  }

  /** Loads the survey; a failure shows a calm "unavailable" state and one console message, never a loop. */
  async #load(): Promise<void> {
    const token = ++this.#loads;
    const host = this.#host;
    const survey = host.survey;
    if (survey === undefined || survey === '') return this.#fail('config', 'the survey attribute is missing (a survey id or an inline JSON definition)');
    this.#set({ phase: 'loading' });
    try {
      // The survey and the shopper's language arrive together, so the first screen is in that language.
      const [definition] = await Promise.all([loadSurvey(survey, host.endpoint), this.#options.ready()]);
      // Its first render in a task of its own: after parsing, it would make one long task on a slow phone.
      await nextTask();
      if (token !== this.#loads) return;
      this.define(definition);
      // Without a way to submit, showing the survey would waste the shopper's time.
      if (!host.endpoint && !host.client) return this.#fail('config', NO_ENDPOINT);
      this.#lastError = ''; // a later failure, even the same one again, is reported again
      this.restart();
      // The script tag's delivery code comes in while the shopper reads the question (or at the first answer).
      (globalThis.requestIdleCallback ?? setTimeout)(preloadDelivery);
    } catch (error) {
      if (token !== this.#loads) return;
      this.#fail('survey', error instanceof Error ? error.message : String(error));
    }
  }

  #fail(code: 'config' | 'survey', message: string): void {
    this.#set({ phase: 'unavailable' });
    if (message === this.#lastError) return;
    this.#lastError = message;
    console.error(`[storevoice] <storevoice-widget>: ${message}`);
    emit(this.#host, 'storevoice-error', { code, message });
  }

  /** Validates the given questions; shows their problems and focuses the first invalid one. */
  #check(questions: readonly Question[]): boolean {
    const { answers } = this.#state;
    const problems = new Map<string, AnswerCheck>();
    for (const question of questions) {
      const check = validateAnswer(question, answers.find((a) => a.questionId === question.id));
      if (!check.valid) problems.set(question.id, check);
    }
    this.#set({ problems });
    if (problems.size > 0) void this.#host.updateComplete.then(() => focusProblem(this.#host.renderRoot));
    return problems.size === 0;
  }

  #goTo(id: string): void {
    this.#set({ currentId: id, problems: new Map() });
    void this.#host.updateComplete.then(() => focusQuestion(this.#host.renderRoot));
  }

  /** The one way the state changes: a new snapshot, and an update of the element. */
  #set(change: Partial<FlowState>): void {
    this.#state = { ...this.#state, ...change };
    this.#host.requestUpdate();
  }
}
