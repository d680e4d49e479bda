import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { chineseDateTime, formLabel } from '../../electron/core/documents/doc-layout';
import type { AcceptanceNoticeInput } from '../../electron/core/documents/document-types';
import { qrShape } from '../../electron/core/documents/qr';

// The same 80 mm 受理回执 as HTML, for the peer: Chromium printing it with page.pdf(). Same words
// (the same catalogue keys), same sizes in pt, the same font files (@font-face from file URLs, so
// Chromium embeds the same Noto Sans SC), and the QR code as vector SVG from the same modules.

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function receiptHtml(resourcesDir: string, input: AcceptanceNoticeInput): string {
  const font = (file: string) => pathToFileURL(path.join(resourcesDir, 'fonts', file)).href;
  const deferred = input.deferred.length > 0;
  const qr = qrShape(input.progress.url);
  const field = (label: string, value: string) => `<p class="f"><span>${esc(label)}：</span>${esc(value)}</p>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(t('doc.receipt.title'))}</title>
<style>
@font-face { font-family: 'Noto Sans SC'; font-weight: 400; src: url('${font('NotoSansSC-Regular.ttf')}') format('truetype'); }
@font-face { font-family: 'Noto Sans SC'; font-weight: 700; src: url('${font('NotoSansSC-Bold.ttf')}') format('truetype'); }
html, body { margin: 0; padding: 0; }
body { width: 80mm; box-sizing: border-box; padding: 4mm; font-family: 'Noto Sans SC'; font-size: 8.5pt; line-height: 1.4; }
p { margin: 0 0 0.5pt; }
.c { text-align: center; }
.t { font-size: 14pt; font-weight: 700; }
.b { font-weight: 700; }
.g { color: #404040; }
.f { padding-left: 4.5em; text-indent: -4.5em; }
.n { padding-left: 1.2em; text-indent: -1.2em; overflow: hidden; }
.r { float: right; padding-left: 1em; text-indent: 0; }
.h { font-size: 9pt; font-weight: 700; margin-top: 2pt; }
hr { border: 0; border-top: 0.5pt solid #000; margin: 4pt 0 1pt; }
.qr { display: block; margin: 10pt auto 4pt; width: 32mm; height: 32mm; }
.code { font-size: 12pt; font-weight: 700; }
.url { font-size: 7pt; word-break: break-all; }
</style></head><body>
<p class="c" style="font-size:9pt">${esc(input.centre.name)}</p>
<p class="c t">${esc(t(deferred ? 'doc.receipt.titleDeferred' : 'doc.receipt.title'))}</p>
<p class="c">${esc(t('doc.app.caseNo', { caseNo: input.caseNo }))}</p>
<hr>
${field(t('doc.receipt.company'), input.company.name)}
${field(t('doc.receipt.uscc'), input.company.uscc)}
${field(t('doc.receipt.item'), input.item.name)}
${field(t('doc.receipt.department'), input.item.department)}
${field(t('doc.receipt.receivedAt'), chineseDateTime(input.receivedAt))}
${field(t('doc.app.clerk'), input.counter ? `${input.clerk}（${input.counter}）` : input.clerk)}
${field(t('doc.app.phone'), input.contactPhone)}
<hr>
<p class="h">${esc(t('doc.receipt.materials', { n: input.received.length }))}</p>
${input.received.map((m, i) => `<p class="n">${i + 1}. ${esc(m.name)}<span class="r">${esc([formLabel(m.form), t('doc.app.copiesN', { n: m.copies }), ...(m.pages > 0 ? [t('doc.app.pagesN', { n: m.pages })] : [])].join(' '))}</span></p>`).join('\n')}
${deferred ? `<p class="h">${esc(t('doc.receipt.deferred'))}</p>
${input.deferred.map((m, i) => `<p class="n">${i + 1}. ${esc(m.name)}（${esc(formLabel(m.form))} ${esc(t('doc.app.copiesN', { n: m.copies }))}）<br><b>${esc(t('doc.receipt.dueBy', { date: formatChineseDate(m.dueDate) }))}</b></p>`).join('\n')}` : ''}
<hr>
<p class="h">${esc(t('doc.receipt.promise', { date: formatChineseDate(input.promisedDate), days: input.promisedDays }))}</p>
<hr>
<svg class="qr" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges"><path d="${qr.path}"/></svg>
<p class="c code">${esc(t('doc.app.progressCode', { code: input.progress.code }))}</p>
<p class="c g">${esc(t('doc.receipt.scan'))}</p>
<p class="c g url">${esc(input.progress.url)}</p>
<hr>
<p class="c g" style="font-size:8pt">${esc(t('doc.receipt.keep'))}</p>
<p class="c g" style="font-size:8pt">${esc(input.centre.name)}　${esc(formatChineseDate(input.issuedOn))}</p>
</body></html>`;
}
