import { t } from '@shared/i18n';
import type { DeliveryRecordInput } from './document-types';
import { a4Writer, caseRows, chineseDateTime, fields, finish, header, paragraph, section, signatures, signaturesHeight, type FieldRow } from './doc-layout';

// 送达回执 / 结果送达记录: what result went to the company, how (窗口领取 / 邮寄 / 电子送达), when,
// to whom and by whom, with the rule for the date of delivery and the signature lines.

export async function renderDeliveryRecord(resourcesDir: string, input: DeliveryRecordInput): Promise<Uint8Array> {
  const title = t('doc.delivery.title');
  const w = await a4Writer(resourcesDir);
  header(w, input, title, t('doc.delivery.subtitle'));

  section(w, 1, t('doc.app.caseInfo'));
  fields(w, caseRows(input));

  section(w, 2, t('doc.delivery.section'));
  const address = input.address || (input.method === 'window' ? input.centre.address : '');
  const rows: FieldRow[] = [
    [t('doc.delivery.result'), input.result],
    [t('doc.delivery.method'), t(`doc.delivery.method.${input.method}`), t('doc.delivery.at'), chineseDateTime(input.deliveredAt)],
    [t('doc.delivery.recipient'), input.recipient, t('doc.delivery.recipientPhone'), input.recipientPhone ?? ''],
    ...(address ? [[t(`doc.delivery.address.${input.method}`), address] as FieldRow] : []),
    ...(input.method === 'post' ? [[t('doc.delivery.trackingNo'), input.trackingNo ?? ''] as FieldRow] : []),
    [t('doc.delivery.by'), input.deliveredBy],
    ...(input.note ? [[t('doc.delivery.note'), input.note] as FieldRow] : []),
  ];
  fields(w, rows);
  paragraph(w, t(`doc.delivery.rule.${input.method}`), { size: 10, keepWith: signaturesHeight(2) });
  signatures(w, [t('doc.delivery.signRecipient'), t('doc.delivery.signBy')]);
  return finish(w, input, title);
}
