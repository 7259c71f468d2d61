#!/usr/bin/env node
// The `storevoice-collector` command; `storevoice-collector --help` lists what it does.
import { main } from '../lib/packages/collector/src/cli.js';

await main();
