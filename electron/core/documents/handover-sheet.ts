import { t } from '@shared/i18n';
import type { HandoverSheetInput } from './document-types';
import { a4Writer, caseRows, chineseDateTime, fields, finish, header, materialColumns, materialRows, paragraph, section, signatures, signaturesHeight, table } from './doc-layout';

// 材料交接单: the paper originals (and copies) leaving the counter for the department, listed with
// form, copies and pages so the receiver can check them in front of the clerk, then both sign.

export async function renderHandoverSheet(resourcesDir: string, input: HandoverSheetInput): Promise<Uint8Array> {
  const title = t('doc.handover.title');
  const w = await a4Writer(resourcesDir);
  header(w, input, title);

  section(w, 1, t('doc.app.caseInfo'));
  fields(w, [
    ...caseRows(input),
    [t('doc.handover.from'), input.fromCounter || input.centre.name, t('doc.handover.fromClerk'), input.fromClerk],
    [t('doc.handover.to'), input.toDepartment || input.item.department, t('doc.handover.toReceiver'), input.toReceiver || '　' /* left blank: the receiver writes it */],
    [t('doc.handover.at'), input.handedOverAt ? chineseDateTime(input.handedOverAt) : t('doc.handover.blankTime')],
  ]);

  const m = input.materials;
  section(w, 2, `${t('doc.handover.materials')}`);
  table(w, materialColumns(), materialRows(m));
  paragraph(w, t('doc.handover.total', {
    n: m.length,
    originals: m.filter((x) => x.form === 'original').length,
    copies: m.reduce((s, x) => s + x.copies, 0),
    pages: m.reduce((s, x) => s + x.copies * x.pages, 0),
  }), { indent: false });
  if (input.note) paragraph(w, input.note, { indent: false });
  paragraph(w, t('doc.handover.check'), { indent: false, size: 10, keepWith: signaturesHeight(2) });
  signatures(w, [t('doc.handover.signFrom'), t('doc.handover.signTo')]);
  return finish(w, input, title);
}
