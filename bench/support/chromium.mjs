// What the browser benchmarks share: Debian's Chromium (tools here cannot download browsers) and a
// note of how busy the machine was, since every timing depends on it.
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { BenchError } from './cli.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

/** The flags every benchmark launches Chromium with (playwright adds headless itself). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Launches Chromium, or fails with a line that says where it looked. */
export async function launchChromium(args = CHROMIUM_ARGS) {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args });
  } catch (error) {
    throw new BenchError(`could not launch Chromium at ${CHROMIUM} (set CHROMIUM_PATH): ${error.message.split('\n')[0]}`);
  }
}

/** `N × model` of this machine's CPUs, for the header line of each report. */
export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`;
}

/** Percent of CPU time in use over one second: other work on the machine shows up as noise. */
export async function cpuBusy() {
  const sample = () => cpus().reduce((sum, cpu) => ({ idle: sum.idle + cpu.times.idle, total: sum.total + Object.values(cpu.times).reduce((a, b) => a + b, 0) }), { idle: 0, total: 0 });
  const before = sample();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = sample();
  return Math.round(100 * (1 - (after.idle - before.idle) / (after.total - before.total)));
}
