import { isMessageKey, t } from '../i18n';

// Why a printer cannot print, in words for the clerk: the IPP printer-state-reasons CUPS knows
// (media-empty-error → 缺纸), then the queue's message (what the administrator typed into
// cupsdisable -r, or the driver's words), without repeating what the keyword already said.

/** "media-empty-error" → "media-empty" (the -error / -warning / -report suffix is severity only). */
const keywordBase = (k: string) => k.replace(/-(error|warning|report)$/, '');

/** Catalogue text for the printer-state-reasons we explain; the rest are left out. */
export function reasonFromKeywords(keywords: readonly string[]): string[] {
  const out: string[] = [];
  for (const k of keywords) {
    const base = keywordBase(k);
    const key = `print.reason.${base}`;
    if (base === 'paused' || base === 'none' || !isMessageKey(key)) continue;
    const text = t(key);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** CUPS's own English placeholders, given in Chinese. */
function normaliseMessage(message: string): string | null {
  const m = message.trim();
  if (!m || /^reason unknown$/i.test(m)) return null;
  if (/^paused$/i.test(m)) return t('print.reason.paused');
  if (/^rejecting jobs$/i.test(m)) return t('print.reason.notAccepting');
  return m.replace(/\s*\n\s*/g, ' ');
}

/** The reason shown with PRINTER_STOPPED / on the settings screen; never empty. */
export function stoppedReason(p: { state: string; message: string; alerts: readonly string[] }, accept?: { accepting: boolean; message: string }): string {
  const parts = reasonFromKeywords(p.alerts);
  const message = normaliseMessage(p.message) ?? (accept && !accept.accepting ? normaliseMessage(accept.message) : null);
  if (message && !parts.includes(message)) parts.push(message);
  if (parts.length === 0) {
    if (p.state === 'stopped' || p.alerts.some((a) => keywordBase(a) === 'paused')) parts.push(t('print.reason.paused'));
    else if (accept && !accept.accepting) parts.push(t('print.reason.notAccepting'));
    else parts.push(t('print.reason.unknown'));
  }
  if (p.state !== 'stopped' && accept && !accept.accepting && !parts.includes(t('print.reason.notAccepting'))) parts.unshift(t('print.reason.notAccepting'));
  return parts.join('；');
}
