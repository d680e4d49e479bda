import { t } from '@shared/i18n';
import type { RefusalNoticeInput } from './document-types';
import { a4Writer, caseRows, chineseDateTime, fields, finish, header, issuer, ISSUER_HEIGHT, paragraph, policyRows, section } from './doc-layout';

// 不予受理通知书: the decision, its reason (and the rule it rests on), and the applicant's remedies —
// 行政复议 within 60 days (行政复议法 art. 20) or 行政诉讼 within 6 months (行政诉讼法 art. 46).

export async function renderRefusalNotice(resourcesDir: string, input: RefusalNoticeInput): Promise<Uint8Array> {
  const title = t('doc.refusal.title');
  const w = await a4Writer(resourcesDir);
  header(w, input, title);
  w.text(t('doc.app.salutation', { company: input.company.name }), { size: 11, bold: true, leading: 1.8 });
  const at = chineseDateTime(input.receivedAt);
  paragraph(w, t('doc.refusal.body', { at, item: input.item.name }));

  section(w, 1, t('doc.acceptance.applicant'));
  fields(w, [...caseRows(input), ...policyRows(input), [t('doc.app.receivedAt'), at, t('doc.app.clerk'), input.clerk]]);

  section(w, 2, t('doc.refusal.reason'));
  paragraph(w, input.reason);
  if (input.basis) paragraph(w, t('doc.refusal.basis', { basis: input.basis }));

  section(w, 3, t('doc.refusal.rightsTitle'));
  paragraph(w, t('doc.refusal.rights', {
    reviewBody: input.reviewBody || t('doc.refusal.defaultReviewBody'),
    court: input.court || t('doc.refusal.defaultCourt'),
  }));
  paragraph(w, t('doc.app.ask', { phone: input.contactPhone }), { keepWith: ISSUER_HEIGHT });
  issuer(w, input.decidedBy || input.centre.name, input.issuedOn);
  return finish(w, input, title);
}
