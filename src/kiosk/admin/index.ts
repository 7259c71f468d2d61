/**
 * The kiosk's admin screen and fleet provisioning: settings schema and storage, URL provisioning,
 * PIN hashing and lockout, the long-press gesture that opens it, and the controller that draws it.
 * Nothing here defines a custom element.
 */
export { KioskAdminController, type KioskAdminOptions } from './admin-controller.js';
export { adminMessages, type AdminMessages } from './admin-messages.js';
export { adminStyles } from './admin.styles.js';
export { attachLongPress, type LongPressOptions } from './long-press.js';
export { PIN_ITERATIONS, PIN_PATTERN, PinGate, constantTimeEqual, hashPin, isValidPin, verifyPin, type PinCheck, type PinGateOptions } from './pin.js';
export {
  DEFAULT_KIOSK_SETTINGS,
  EndpointSchema,
  KioskSettingsSchema,
  MAX_ROSTER,
  MIN_PIN_ITERATIONS,
  PinHashSchema,
  WriteKeySchema,
  defaultKioskSettings,
  type KioskSettings,
  type PinHash,
} from './settings.js';
export {
  PROVISIONING_PARAMS,
  ProvisioningError,
  loadKioskSettings,
  provisionFromUrl,
  saveKioskSettings,
  type KioskStorage,
  type ProvisionOptions,
  type ProvisionResult,
  type ProvisioningIssue,
  type ProvisioningParam,
} from './storage.js';
