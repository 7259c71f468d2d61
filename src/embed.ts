// Script-tag entry (dist/storevoice.iife.js). Exposes the global `StoreVoice`.
import * as sdk from '../sdk/index.js';

declare global {
  interface Window {
    StoreVoice?: typeof sdk;
  }
}

if (typeof window !== 'undefined' && !window.StoreVoice) window.StoreVoice = sdk;
