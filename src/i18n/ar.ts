import type { Messages } from './messages.js';

const rules = new Intl.PluralRules('ar');
/**
 * Arabic agrees a counted noun with its number in six ways: zero, one, two, few (3–10),
 * many (11–99) and other (100, 101…); CLDR's rules pick the form, the catalog spells it.
 */
const plural = (count: number, forms: Record<Intl.LDMLPluralRule, string>) => forms[rules.select(count)];

/** Modern Standard Arabic, polite and gender-neutral; right to left. */
export const ar: Messages = {
  dir: 'rtl',
  openFeedback: 'شاركنا رأيك',
  close: 'إغلاق',
  next: 'التالي',
  back: 'السابق',
  submit: 'إرسال',
  sending: 'جارٍ الإرسال…',
  progress: (current, total) => `السؤال ${current} من ${total}`,
  required: 'إلزامي',
  errorRequired: 'يُرجى الإجابة عن هذا السؤال.',
  errorTooLong: (max) =>
    `يُرجى ألّا يتجاوز النص ${plural(max, {
      zero: `${max} حرف`,
      one: 'حرفًا واحدًا',
      two: 'حرفين',
      few: `${max} أحرف`,
      many: `${max} حرفًا`,
      other: `${max} حرف`,
    })}.`,
  errorTooMany: (max) =>
    plural(max, {
      zero: `يُرجى اختيار ${max} خيار على الأكثر.`,
      one: 'يُرجى اختيار خيار واحد فقط.',
      two: 'يُرجى اختيار خيارين على الأكثر.',
      few: `يُرجى اختيار ${max} خيارات على الأكثر.`,
      many: `يُرجى اختيار ${max} خيارًا على الأكثر.`,
      other: `يُرجى اختيار ${max} خيار على الأكثر.`,
    }),
  errorOtherRequired: 'يُرجى توضيح إجابتك في «غير ذلك».',
  errorEmailInvalid: 'يُرجى إدخال بريد إلكتروني صحيح.',
  errorPhoneInvalid: 'يُرجى إدخال رقم هاتف صحيح.',
  errorInvalid: 'يُرجى مراجعة هذه الإجابة.',
  smileyLabels: ['سيئ جدًا', 'سيئ', 'مقبول', 'جيد', 'جيد جدًا'],
  starsLabel: (value, max) =>
    plural(value, {
      zero: `${value} نجمة من ${max}`,
      one: `نجمة واحدة من ${max}`,
      two: `نجمتان من ${max}`,
      few: `${value} نجوم من ${max}`,
      many: `${value} نجمة من ${max}`,
      other: `${value} نجمة من ${max}`,
    }),
  npsLow: 'غير مرجّح إطلاقًا',
  npsHigh: 'مرجّح جدًا',
  csatLabels: ['غير راضٍ إطلاقًا', 'غير راضٍ', 'محايد', 'راضٍ', 'راضٍ جدًا'],
  other: 'غير ذلك',
  otherPlaceholder: 'يُرجى التحديد',
  charactersLeft: (count) =>
    plural(count, {
      zero: 'لم يتبقَّ أي حرف',
      one: 'تبقّى حرف واحد',
      two: 'تبقّى حرفان',
      few: `تبقّى ${count} أحرف`,
      many: `تبقّى ${count} حرفًا`,
      other: `تبقّى ${count} حرف`,
    }),
  staffNotSure: 'لا أعرف',
  consentYes: 'نعم، يمكنكم التواصل معي بشأن رأيي',
  consentEmail: 'البريد الإلكتروني',
  consentPhone: 'رقم الهاتف',
  thanks: 'شكرًا لمشاركتنا رأيك!',
  thanksQueued: 'شكرًا لك! حُفظ رأيك وسيُرسَل فور عودة الاتصال بالإنترنت.',
  thanksSaved: 'شكرًا لك! حُفظ رأيك على هذا الجهاز وسيُرسَل قريبًا.',
  failedTitle: 'تعذّر إرسال رأيك',
  failedRejected: 'لم تقبله خدمة استقبال الآراء. يُرجى المحاولة مرة أخرى لاحقًا.',
  retry: 'إعادة المحاولة',
  unavailable: 'الاستبيان غير متاح حاليًا.',
};
