// Main-thread tasks from a Chromium trace, measured in CPU time: what a page's script costs the
// main thread whatever else the machine runs. Wall-clock task lengths (the long-task API) grow
// when other processes take the CPU, and CDP's CPU throttling multiplies that; a task's thread
// time does not, and times the slowdown it is what the task would take on the slower CPU.

/** Cheap categories: top-level tasks, and the timeline events that name the script evaluated. */
const CATEGORIES = 'toplevel,devtools.timeline';

/** Starts tracing a page's renderer over `cdp` (a Playwright CDPSession); `stop()` resolves the events. */
export async function traceMainThread(cdp) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

/**
 * The main-thread tasks from the one that evaluates `scriptPath` (a URL path) to the end of the
 * trace, as `{ cpu, wall }` in ms (thread time and duration), or `undefined` when the script was
 * never evaluated. Tasks before it are the page's own.
 */
export function tasksFromScript(events, scriptPath) {
  const evaluation = events.find((e) => e.name === 'EvaluateScript' && e.ph === 'X' && urlPath(e.args?.data?.url) === scriptPath);
  if (!evaluation) return undefined;
  // Tasks are the outermost complete events of the thread (ThreadControllerImpl::RunTask mostly,
  // and a microtask checkpoint the scheduler runs on its own); the rest is nested inside them.
  const spans = events
    .filter((e) => e.pid === evaluation.pid && e.tid === evaluation.tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  for (const span of spans) if (!tasks.length || span.ts >= tasks.at(-1).ts + tasks.at(-1).dur) tasks.push(span);
  // A task's own span holds the evaluation: start from the task, not from the evaluation itself.
  const first = tasks.find((t) => t.ts <= evaluation.ts && t.ts + t.dur >= evaluation.ts + evaluation.dur) ?? evaluation;
  return tasks.filter((t) => t.ts >= first.ts).map((t) => ({ cpu: t.tdur / 1000, wall: t.dur / 1000 }));
}

function urlPath(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
