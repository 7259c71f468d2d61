// <storevoice-widget> inside a React 19 host: client rendering, re-rendering, properties, events,
// unmounting, and server rendering + hydration. React is served as ES modules by the CommonJS
// conversion in web-test-runner.config.mjs, which only gives each package a default export (its
// `module.exports`), hence `React.createElement` and no named imports.
import { expect } from '@open-wc/testing';
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import ReactDOMServer from 'react-dom/server.browser';
import { createClient, type Client, type ContextInput, type Submission } from '../../sdk/index.js';
import { StoreVoiceWidget } from '../../src/index.js';
import { testCollector, waitFor, type TestCollector } from '../support/collector.js';
import { $, $$, moodSurvey, settle } from './helpers.js';

type Root = ReactDOMClient.Root;

/** What a React host passes to <storevoice-widget> (React 19 sets each one as a property or an attribute). */
interface WidgetProps {
  endpoint?: string;
  survey?: string;
  store?: string;
  staff?: string;
  mode?: string;
  theme?: string;
  position?: string;
  context?: ContextInput;
  client?: Client;
  ref?: React.Ref<StoreVoiceWidget>;
  'onstorevoice-answer'?: (event: CustomEvent) => void;
  'onstorevoice-sent'?: (event: CustomEvent) => void;
}

const widget = (props: WidgetProps, tag = 'storevoice-widget') => React.createElement(tag, props as React.DOMAttributes<StoreVoiceWidget>);
const surveyJson = JSON.stringify(moodSurvey);

/** The latest submission body the collector stored. */
async function delivered(collector: TestCollector): Promise<Submission> {
  const state = await waitFor(async () => {
    const s = await collector.state();
    return s.storedCount >= 1 && s;
  });
  return state.requests.at(-1)!.body as Submission;
}

/** Answers "Very good" (5), then Next (to the optional NPS question), then Send. */
async function answerAndSend(el: StoreVoiceWidget): Promise<void> {
  $$(el, '[role="radio"]')[4]!.click();
  await el.updateComplete;
  $(el, 'button[type="submit"]')!.click(); // Next
  await el.updateComplete;
  $(el, 'button[type="submit"]')!.click(); // Send
}

describe('<storevoice-widget> in a React 19 host', () => {
  let containers: HTMLElement[];
  let roots: Root[];
  let consoleErrors: unknown[][];
  const originalConsoleError = console.error;

  const container = () => {
    const div = document.createElement('div');
    document.body.append(div);
    containers.push(div);
    return div;
  };

  /** createRoot + a synchronous first render. */
  const mount = (element: React.ReactNode): { root: Root; host: HTMLElement } => {
    const host = container();
    const root = ReactDOMClient.createRoot(host);
    roots.push(root);
    ReactDOM.flushSync(() => root.render(element));
    return { root, host };
  };

  beforeEach(() => {
    containers = [];
    roots = [];
    consoleErrors = [];
    // React reports invalid props, hydration mismatches and errors on console.error; each test
    // takes the ones it expects, and afterEach fails on any other.
    console.error = (...args: unknown[]) => consoleErrors.push(args);
  });

  afterEach(() => {
    console.error = originalConsoleError;
    for (const root of roots) root.unmount(); // unmounting twice is a no-op
    for (const div of containers) div.remove();
    expect(consoleErrors.map((args) => args.map(String).join(' ')), 'unexpected console.error calls').to.deep.equal([]);
  });

  /** A host page: some text of its own, and the widget with the store it is given. */
  interface HostState {
    heading: string;
    store: string;
  }
  let setHost: (state: HostState) => void;
  let hostRenders = 0;
  function Host({ endpoint, context, onSent }: { endpoint: string; context?: ContextInput; onSent?: (event: CustomEvent) => void }) {
    const [state, setState] = React.useState<HostState>({ heading: 'Welcome', store: '042' });
    setHost = setState;
    hostRenders++;
    return React.createElement(
      'section',
      null,
      React.createElement('h1', null, state.heading),
      widget({ endpoint, survey: surveyJson, store: state.store, staff: 'emp-17', ...(context && { context }), ...(onSent && { 'onstorevoice-sent': onSent }) }),
    );
  }

  it('renders the first question inside the shadow root', async () => {
    const collector = await testCollector();
    const { host } = mount(React.createElement(Host, { endpoint: collector.endpoint }));
    const el = host.querySelector('storevoice-widget')!;
    expect(el).to.be.instanceOf(StoreVoiceWidget);
    await settle(el);
    expect($(el, '[part~="title"]')!.textContent).to.equal('Quick feedback');
    expect($(el, '.question [part~="prompt"]')!.textContent).to.contain('How was your visit today?');
    expect($$(el, '[role="radio"]')).to.have.length(5);
    // Nothing leaks into the light DOM React owns.
    expect(el.childNodes).to.have.length(0);
  });

  it('keeps the same element and its answers across parent re-renders, and takes the new store', async () => {
    const collector = await testCollector();
    const { host } = mount(React.createElement(Host, { endpoint: collector.endpoint }));
    const el = host.querySelector('storevoice-widget')!;
    await settle(el);
    $$(el, '[role="radio"]')[4]!.click();
    await el.updateComplete;

    const renders = hostRenders;
    ReactDOM.flushSync(() => setHost({ heading: 'Welcome back', store: '042' })); // unrelated text only
    expect(hostRenders).to.equal(renders + 1);
    expect(host.querySelector('h1')!.textContent).to.equal('Welcome back');
    ReactDOM.flushSync(() => setHost({ heading: 'Welcome back', store: '043' }));
    await el.updateComplete;

    expect(host.querySelector('storevoice-widget'), 'no remount').to.equal(el);
    expect(el.isConnected).to.equal(true);
    expect($$(el, '[role="radio"]')[4]!.getAttribute('aria-checked'), 'answer kept').to.equal('true');
    // React 19 sets every prop the element defines as a *property*, strings included; `store` is not
    // reflected, so there is no store attribute at all; defaults (mode, theme, position) are not
    // reflected either, so the element carries no attribute React did not put there.
    expect(el.store).to.equal('043');
    expect(el.hasAttribute('store')).to.equal(false);
    expect(el.getAttributeNames()).to.deep.equal([]);

    $(el, 'button[type="submit"]')!.click(); // Next
    await el.updateComplete;
    $(el, 'button[type="submit"]')!.click(); // Send
    const body = await delivered(collector);
    expect(body.context.store).to.equal('043');
    expect(body.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 5 }]);
  });

  it('passes a non-string prop (context) as a property', async () => {
    const collector = await testCollector();
    const context = { tags: { lane: 4 } };
    const { host } = mount(React.createElement(Host, { endpoint: collector.endpoint, context }));
    const el = host.querySelector('storevoice-widget')!;
    expect(el.context).to.equal(context); // the same object, not "[object Object]"
    expect(el.hasAttribute('context')).to.equal(false);
  });

  it('delivers the shopper’s answers with the context from React props', async () => {
    const collector = await testCollector();
    const { host } = mount(React.createElement(Host, { endpoint: collector.endpoint, context: { tags: { lane: 4 } } }));
    const el = host.querySelector('storevoice-widget')!;
    await settle(el);
    await answerAndSend(el);

    const body = await delivered(collector);
    expect(body.surveyId).to.equal('post-visit');
    expect(body.context).to.include({ store: '042', channel: 'web' });
    expect(body.context.staff).to.deep.equal(['emp-17']);
    expect(body.context.tags).to.deep.equal({ lane: 4 });
    expect(body.answers).to.deep.equal([{ questionId: 'mood', type: 'smiley', value: 5 }]);
    await waitFor(() => $(el, '[part~="status"]'));
    expect($(el, '[part~="status"]')!.textContent!.trim()).to.equal('Thanks a lot!');
  });

  it('reports storevoice-sent to a listener added through a ref, and to an onstorevoice-sent prop', async () => {
    const collector = await testCollector();
    const viaProp: CustomEvent[] = [];
    const viaRef: CustomEvent[] = [];
    function RefHost() {
      const ref = React.useRef<StoreVoiceWidget>(null);
      React.useEffect(() => {
        const el = ref.current!;
        const listener = (event: Event) => viaRef.push(event as CustomEvent);
        el.addEventListener('storevoice-sent', listener);
        return () => el.removeEventListener('storevoice-sent', listener);
      }, []);
      // React 19: `on` + the exact (case-sensitive) event name adds a listener for a custom element.
      return widget({ ref, endpoint: collector.endpoint, survey: surveyJson, store: '042', 'onstorevoice-sent': (event) => viaProp.push(event) });
    }
    const { host } = mount(React.createElement(RefHost));
    const el = host.querySelector('storevoice-widget')!;
    await settle(el);
    await answerAndSend(el);

    await waitFor(() => viaRef.length === 1 && viaProp.length === 1, { message: 'storevoice-sent via ref and via prop' });
    expect(viaRef[0]).to.equal(viaProp[0]);
    expect(viaRef[0]!.target).to.equal(el);
    expect((viaRef[0]!.detail as { result: { status: string } }).result.status).to.equal('sent');
    expect(el.hasAttribute('onstorevoice-sent')).to.equal(false);
  });

  it('takes a client made by the host as a property (the write key cannot be a `key` prop)', async () => {
    const collector = await testCollector();
    await collector.requireKey('pk_react');
    const client = createClient({ endpoint: collector.endpoint, key: 'pk_react' });
    try {
      // `key` is reserved by React and never reaches the element, so <storevoice-widget key="…">
      // cannot carry the write key in React: give the widget a client instead.
      const props = { key: 'pk_react', client, survey: surveyJson, store: '042' };
      const { host } = mount(React.createElement('storevoice-widget', props));
      const el = host.querySelector('storevoice-widget')!;
      expect(el.key).to.equal(undefined);
      expect(el.client).to.equal(client);
      await settle(el);
      await answerAndSend(el);
      const state = await waitFor(async () => {
        const s = await collector.state();
        return s.storedCount === 1 && s;
      });
      expect(state.requests[0]!.authorization).to.equal('Bearer pk_react');
    } finally {
      client.destroy();
    }
  });

  it('is removed on unmount without errors', async () => {
    const collector = await testCollector();
    const rejections: unknown[] = [];
    const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      const { root, host } = mount(React.createElement(Host, { endpoint: collector.endpoint, context: { tags: { lane: 4 } } }));
      const el = host.querySelector('storevoice-widget')!;
      await settle(el);
      $$(el, '[role="radio"]')[4]!.click();
      await el.updateComplete;

      expect(() => root.unmount()).to.not.throw();
      expect(host.childNodes).to.have.length(0);
      expect(el.isConnected).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(rejections).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });

  it('does not get object props when React renders it before the element is defined', async () => {
    // A host that loads the widget script lazily: React creates an unknown element, so it can only
    // set attributes; the context object becomes the string "[object Object]" and is lost.
    const tag = 'storevoice-widget-defined-late';
    const context = { tags: { lane: 4 } };
    const { host } = mount(widget({ endpoint: '/collector/never/v1', survey: surveyJson, store: '042', context }, tag));
    const before = host.querySelector(tag)!;
    expect(before.getAttribute('store')).to.equal('042');
    expect(before.getAttribute('context')).to.equal('[object Object]');

    customElements.define(tag, class extends StoreVoiceWidget {});
    const el = host.querySelector<StoreVoiceWidget>(tag)!;
    expect(el).to.equal(before);
    await settle(el);
    expect(el.store).to.equal('042'); // string attributes work
    expect($(el, '[part~="title"]')!.textContent).to.equal('Quick feedback');
    expect(el.context).to.equal(undefined); // the object did not survive
  });

  describe('server rendering and hydration', () => {
    /** Server-renders `app`, upgrades the markup (the widget script is already loaded), then hydrates it. */
    async function serverRenderAndHydrate(app: () => React.ReactElement) {
      const host = container();
      let hydrated = false;
      function Hydrated() {
        React.useEffect(() => {
          hydrated = true;
        }, []);
        return app();
      }
      const html = ReactDOMServer.renderToString(React.createElement(Hydrated));
      host.innerHTML = html;
      const serverEl = host.querySelector('storevoice-widget')!;
      await settle(serverEl); // the custom element renders before React hydrates, as on a real page
      const recoverable: unknown[] = [];
      const root = ReactDOMClient.hydrateRoot(host, React.createElement(Hydrated), { onRecoverableError: (error) => recoverable.push(error) });
      roots.push(root);
      await waitFor(() => hydrated, { message: 'hydration' });
      return { html, host, serverEl, recoverable };
    }

    it('keeps the server-rendered element through hydration, and it renders', async () => {
      const collector = await testCollector();
      const props = { endpoint: collector.endpoint, survey: surveyJson, store: '042', staff: 'emp-17' };
      const { html, host, serverEl, recoverable } = await serverRenderAndHydrate(() => React.createElement('main', null, widget(props)));

      // Strings are attributes in the server markup.
      expect(html).to.match(/^<main><storevoice-widget endpoint="[^"]+" survey="[^"]+" store="042" staff="emp-17"><\/storevoice-widget><\/main>$/);
      expect(recoverable, 'no recoverable hydration error (React would have re-rendered the tree)').to.deep.equal([]);
      const el = host.querySelector('storevoice-widget')!;
      expect(el, 'hydration reused the server element').to.equal(serverEl);
      await settle(el);
      expect($(el, '[part~="title"]')!.textContent).to.equal('Quick feedback');
      expect($$(el, '[role="radio"]')).to.have.length(5);

      // The widget writes no attribute of its own onto the host (defaults are not reflected), so
      // even React's development build finds nothing to report.
      expect(consoleErrors.splice(0).map((args) => args.join(' '))).to.deep.equal([]);
    });

    it('hydrates without any mismatch when the host passes the reflected defaults', async () => {
      const collector = await testCollector();
      const props = { endpoint: collector.endpoint, survey: surveyJson, store: '042', staff: 'emp-17', mode: 'inline', theme: 'light', position: 'bottom-right' };
      const { host, serverEl, recoverable } = await serverRenderAndHydrate(() => widget(props));
      expect(recoverable).to.deep.equal([]);
      expect(host.querySelector('storevoice-widget')).to.equal(serverEl);
      expect($(serverEl, '[part~="title"]')!.textContent).to.equal('Quick feedback');
      // afterEach checks that nothing was logged on console.error.
    });

    it('applies object props and on* listeners only from the first client update after hydration (react/react#35446)', async () => {
      const collector = await testCollector();
      const answered: CustomEvent[] = [];
      let setLane: (lane: number) => void = () => {};
      function App() {
        const [lane, setState] = React.useState(4);
        setLane = setState;
        const context = React.useMemo(() => ({ tags: { lane } }), [lane]);
        const props = { endpoint: collector.endpoint, survey: surveyJson, store: '042', mode: 'inline', theme: 'light', position: 'bottom-right', context };
        return widget({ ...props, 'onstorevoice-answer': (event) => answered.push(event) });
      }
      const { serverEl: el } = await serverRenderAndHydrate(App);

      // React 19.3 hydrates custom elements without setting their properties or listeners.
      expect(el.context, 'context after hydration').to.equal(undefined);
      $$(el, '[role="radio"]')[0]!.click();
      expect(answered, 'onstorevoice-answer after hydration').to.have.length(0);

      // The first update that changes them applies them (a stable value would stay unapplied).
      ReactDOM.flushSync(() => setLane(5));
      expect(el.context).to.deep.equal({ tags: { lane: 5 } });
      $$(el, '[role="radio"]')[4]!.click();
      expect(answered).to.have.length(1);
    });
  });
});
