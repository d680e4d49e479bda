import { formatChineseDate } from '@shared/time/china-time';
import { t } from '@shared/i18n';
import type { AcceptanceNoticeInput } from './document-types';
import { a4Writer, caseRows, chineseDateTime, fields, finish, formLabel, header, issuer, ISSUER_HEIGHT, materialColumns, materialRows, paragraph, policyRows, section, table, urlLine } from './doc-layout';

// 受理通知书 (A4): the applicant's proof that the application was taken in — what was received,
// what may follow later (容缺, with the date each is due), the promised completion date, the clerk
// and the query code with its QR code. The 80 mm receipt of the same facts is acceptance-receipt.ts.

export async function renderAcceptanceNotice(resourcesDir: string, input: AcceptanceNoticeInput): Promise<Uint8Array> {
  const deferred = input.deferred.length > 0;
  const title = t(deferred ? 'doc.acceptance.titleDeferred' : 'doc.acceptance.title');
  const w = await a4Writer(resourcesDir);
  header(w, input, title);
  w.text(t('doc.app.salutation', { company: input.company.name }), { size: 11, bold: true, leading: 1.8 });
  const at = chineseDateTime(input.receivedAt);
  paragraph(w, deferred ? t('doc.acceptance.bodyDeferred', { at, item: input.item.name, n: input.deferred.length }) : t('doc.acceptance.body', { at, item: input.item.name }));

  let no = 1;
  section(w, no++, t('doc.acceptance.applicant'));
  fields(w, [
    ...caseRows(input),
    ...policyRows(input),
    [t('doc.receipt.receivedAt'), at, t('doc.app.clerk'), input.counter ? `${input.clerk}（${input.counter}）` : input.clerk],
    [t('doc.acceptance.promisedDate'), formatChineseDate(input.promisedDate), t('doc.app.phone'), input.contactPhone],
  ]);

  section(w, no++, t('doc.acceptance.received', { n: input.received.length }));
  table(w, materialColumns(), materialRows(input.received));

  if (deferred) {
    section(w, no++, t('doc.acceptance.deferred', { n: input.deferred.length }));
    table(
      w,
      [
        { title: t('doc.app.col.no'), share: 0.08, align: 'center' },
        { title: t('doc.app.col.material'), share: 0.46 },
        { title: t('doc.app.col.form'), share: 0.14, align: 'center' },
        { title: t('doc.app.col.copies'), share: 0.1, align: 'center' },
        { title: t('doc.app.col.due'), share: 0.22, align: 'center' },
      ],
      input.deferred.map((m, i) => [String(i + 1), m.note ? `${m.name}（${m.note}）` : m.name, formLabel(m.form), String(m.copies), t('doc.app.dueBy', { date: formatChineseDate(m.dueDate) })]),
    );
    paragraph(w, t('doc.acceptance.deferredRule'), { size: 10.5 });
  }

  section(w, no++, t('doc.acceptance.time'));
  paragraph(w, t('doc.acceptance.promise', { days: input.promisedDays, date: formatChineseDate(input.promisedDate) }));
  paragraph(w, t('doc.acceptance.progressText', { code: input.progress.code }), { keepWith: ISSUER_HEIGHT + 20 });
  urlLine(w, input.progress.url);
  issuer(w, input.centre.name, input.issuedOn);
  return finish(w, input, title);
}
