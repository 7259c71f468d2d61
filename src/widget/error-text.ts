import type { AnswerCheck } from '../../sdk/index.js';
import type { Messages } from '../i18n/messages.js';

/** The shopper-facing words for a validation problem the SDK's survey engine found. */
export function errorText(check: Exclude<AnswerCheck, { valid: true }>, messages: Messages): string {
  switch (check.code) {
    case 'required':
      return check.field === 'other' ? messages.errorOtherRequired : messages.errorRequired;
    case 'too_long':
      return messages.errorTooLong(check.max ?? 0);
    case 'too_many':
      return messages.errorTooMany(check.max ?? 0);
    case 'contact_missing':
      // The SDK names the contact the consent asks for: `email` (the default) or `phone`.
      return check.field === 'phone' ? messages.errorPhoneInvalid : messages.errorEmailInvalid;
    default:
      return messages.errorInvalid;
  }
}
