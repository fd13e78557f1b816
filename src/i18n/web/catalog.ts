import type { Locale } from '../locale.js';
import { commonMessages } from './common.js';
import { complaintFormMessages } from './complaint-form.js';
import { homeMessages } from './home.js';
import { publicRegisterMessages } from './public-register.js';
import { statisticsMessages } from './statistics.js';
import { trackMessages } from './track.js';
import { verificationMessages } from './verification.js';

// One module per page area, so that each area's texts stay together and apart from the others'.
export const catalog = {
  id: { ...commonMessages.id, ...homeMessages.id, ...complaintFormMessages.id, ...trackMessages.id, ...publicRegisterMessages.id, ...statisticsMessages.id, ...verificationMessages.id },
  en: { ...commonMessages.en, ...homeMessages.en, ...complaintFormMessages.en, ...trackMessages.en, ...publicRegisterMessages.en, ...statisticsMessages.en, ...verificationMessages.en },
};

export type MessageKey = keyof typeof catalog.id;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Texts for one locale; `{name}` placeholders are filled from params (a missing one stays visible). */
export function translator(locale: Locale): Translate {
  const messages: Record<string, string> = catalog[locale];
  return (key, params) => {
    const text = messages[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
