import { Tag } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';

const COLOR: Record<Consultation['result'], string> = { answered: 'green', reply_needed: 'orange', transferred: 'blue' };

export function ResultTag({ result }: { result: Consultation['result'] }) {
  return <Tag color={COLOR[result]}>{t(`result.${result}`)}</Tag>;
}
