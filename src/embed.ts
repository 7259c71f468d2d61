/**
 * The script-tag entry, built as dist/storevoice.iife.js. It adds exactly one global,
 * `StoreVoice`, and mounts one widget from the data-* attributes of its own <script> tag:
 *
 *   <script src=".../storevoice.iife.js" defer data-endpoint="https://feedback.example.com/v1"
 *     data-survey="post-purchase" data-store="042" data-key="pk_demo" data-mode="launcher"></script>
 *
 * Including the tag twice is harmless: the second copy sees `StoreVoice` and does nothing.
 */
import { mergeContext } from '../sdk/context/merge.js';
import type { contextFromUrl } from '../sdk/context/url.js';
import type { ContextInput } from '../sdk/schema/context.js';
import { createDeferredClient, deferredHttp } from './delivery/deferred-client.js';
import { besideBundle } from './i18n/loaders-script.js';
import { nextTask } from './internal/next-task.js';
import { StoreVoiceWidget } from './widget/index.js';
import type { WidgetEventDetails } from './widget/events.js';

/**
 * The widget's attributes, kiosk mode's included (docs/kiosk.md). A type only: the script tag
 * passes every `data-*` attribute of its tag on as it is (`data-reset-delay` → `reset-delay`), so
 * no list of names ships in the bundle (the tag is the page author's own markup, not user input;
 * an attribute the widget does not know is ignored by it).
 */
type Attribute =
  | 'endpoint' | 'survey' | 'mode' | 'brand' | 'region' | 'store' | 'staff' | 'device' | 'locale' | 'theme' | 'key' | 'position'
  | 'reset-delay' | 'idle-timeout' | 'min-interval' | 'idle-action' | 'manager-help' | 'heartbeat' | 'heartbeat-interval'
  | 'languages' | 'contrast' | 'text-scale' | 'provision';

/** Options of `StoreVoice.init()`: the widget's attributes, plus where to put it. */
export type EmbedOptions = Partial<Record<Attribute, string>> & {
  /** Element (or CSS selector) to render into; the end of <body> when omitted. */
  target?: Element | string;
};

type EventName = keyof WidgetEventDetails extends `storevoice-${infer N}` ? N : never;

/** Context fields the widget takes as attributes; `staff` is a list, written comma-separated (String(['a', 'b']) is 'a,b'). */
const ATTRIBUTES = ['brand', 'region', 'store', 'device', 'locale', 'staff'] as const;

/** Replaced with package.json's version when the script tag is built (rollup.config.mjs). */
declare const __STOREVOICE_VERSION__: string;
let widget: StoreVoiceWidget | undefined;
/** The tag's `data-*` attributes, when it mounts the widget: set first on the widget, whoever makes it (see autoMount). */
let fromTag: EmbedOptions | undefined;

/** The mounted widget; made now when the tag has yet to mount it, so the API works right after the tag. */
const mounted = (): StoreVoiceWidget | undefined => widget ?? (fromTag && configure({}));

const api = {
  /**
   * To hand the widget a client of its own (`widget.client`): the widget carries these anyway. Every
   * shopper downloads this bundle, so it carries no SDK code only a page's own script would call
   * (`scrubPii`, `contextFromUrl`…): that is `storevoice/sdk` (docs/widget.md, "The StoreVoice
   * global"). Receipt QR codes need no script: see `autoMount`.
   */
  createClient: createDeferredClient,
  http: deferredHttp,
  version: typeof __STOREVOICE_VERSION__ === 'string' ? __STOREVOICE_VERSION__ : 'dev',
  /** Mounts the widget (or reconfigures the mounted one) and returns it. */
  init(options: EmbedOptions): StoreVoiceWidget {
    const element = configure(options);
    attach(element, options.target);
    return element;
  },
  open: () => void mounted()?.open(),
  close: () => mounted()?.close(),
  /** Sets context on the mounted widget: hierarchy ids as attributes, the rest (tags, channel) beside them. */
  setContext(context: ContextInput): void {
    const element = mounted();
    if (!element) return;
    let rest: ContextInput = { ...element.context };
    for (const [key, value] of Object.entries(context) as [keyof ContextInput, unknown][]) {
      if ((ATTRIBUTES as readonly string[]).includes(key)) {
        if (value === undefined) element.removeAttribute(key);
        else element.setAttribute(key, String(value));
      } else rest = mergeContext(rest, { [key]: value }); // tags merge key by key, as in the SDK
    }
    element.context = rest;
  },
  /**
   * Listens to a widget event by its short name (`sent`, `queued`, `error`, …).
   * @returns a function that stops listening
   */
  on<N extends EventName>(name: N, listener: (detail: WidgetEventDetails[`storevoice-${N}`]) => void): () => void {
    const handler = (event: Event) => listener((event as CustomEvent<WidgetEventDetails[`storevoice-${N}`]>).detail);
    document.addEventListener(`storevoice-${name}`, handler);
    return () => document.removeEventListener(`storevoice-${name}`, handler);
  },
};

export type StoreVoiceGlobal = typeof api;

/** The widget, made on first use (with the tag's attributes, if it mounts it), with `options` set as its attributes. */
function configure(options: EmbedOptions): StoreVoiceWidget {
  const element = (widget ??= setAttributes(document.createElement('storevoice-widget') as StoreVoiceWidget, fromTag ?? {}));
  return setAttributes(element, options);
}

function setAttributes(element: StoreVoiceWidget, options: EmbedOptions): StoreVoiceWidget {
  for (const [name, value] of Object.entries(options)) if (name !== 'target' && typeof value === 'string') element.setAttribute(name, value);
  return element;
}

/** Puts the widget into the page (into `target` when given and found), unless it is there already. */
function attach(element: StoreVoiceWidget, target: EmbedOptions['target']): void {
  if (element.isConnected) return;
  const parent = typeof target === 'string' ? document.querySelector(target) : target;
  (parent ?? document.body).append(element);
}

declare global {
  interface Window {
    StoreVoice?: StoreVoiceGlobal;
  }
}

/**
 * Mounts the widget from the tag's data-* attributes. With `data-context-from-url`, on an address
 * with sv_* parameters, it first reads the context a receipt's QR code put there
 * (`?sv_store=042&sv_staff=emp-17`, see the SDK's `contextFromUrl`), so no answer can leave
 * without it. That reader is `dist/url-context.js`, a module beside the bundle: only the pages that
 * ask for it download it. If it cannot load, the widget mounts without that context.
 */
function autoMount({ 'context-from-url': fromUrl, ...options }: EmbedOptions & { 'context-from-url'?: string }): void {
  // Set on the widget before anything a page script passes, so its own StoreVoice.init() after
  // this tag still has the last word.
  fromTag = options;
  const mount = (context?: ContextInput): void =>
    // Made (its constructor, its attributes) and put in the page (its styles adopted, the survey
    // request) in a task of its own: in this script's, which also evaluates the bundle and often
    // finishes the page's parsing and load, it would be one long task on a slow phone. A page
    // script that calls the API first makes it then (see mounted()).
    void nextTask().then(() => {
      const element = configure({});
      if (context) api.setContext(context);
      attach(element, options.target);
    });
  if (fromUrl === undefined || !location.search.includes('sv_')) return mount();
  import(/* webpackIgnore: true */ besideBundle('url-context.js')).then(
    (module: { contextFromUrl: typeof contextFromUrl }) => mount(module.contextFromUrl()),
    (error: unknown) => {
      console.error('[storevoice] url-context.js could not load', error);
      mount();
    },
  );
}

if (typeof window !== 'undefined' && !window.StoreVoice) {
  window.StoreVoice = api;
  const script = document.currentScript as HTMLScriptElement | null;
  const data = script?.dataset;
  if (data?.survey) {
    // dataset spells data-reset-delay as resetDelay.
    const options = Object.fromEntries(Object.entries(data).map(([name, value]) => [name.replace(/[A-Z]/g, '-$&').toLowerCase(), value])) as EmbedOptions;
    // async scripts can run before <body> exists; defer ones cannot.
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => autoMount(options), { once: true });
    else autoMount(options);
  }
}
