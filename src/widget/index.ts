import { defineOnce } from '../internal/define.js';
import { StoreVoiceWidget } from './storevoice-widget.js';

export { StoreVoiceWidget } from './storevoice-widget.js';
export type { WidgetEventDetails, WidgetErrorCode } from './events.js';

defineOnce('storevoice-widget', StoreVoiceWidget);
