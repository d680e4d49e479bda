import { zhCN, type MessageKey } from './zh-CN';
import { en } from './en';

export type { MessageKey };
export type Locale = 'zh-CN' | 'en';
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Fills {name} placeholders; numbers are grouped the Chinese way (1,234). */
export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? v.toLocaleString('zh-CN') : v;
  });
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return format(catalogues[locale][key] ?? zhCN[key], params);
}

/** zh-CN is the product's language; the core always speaks it. */
export const t = (key: MessageKey, params?: MessageParams): string => translate('zh-CN', key, params);

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}
