import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { t } from '@shared/i18n';

dayjs.locale('zh-cn');

// Shown as 2026年11月30日; typed as 2026-11-30 or 20261130 as well (keyboard first).
const FORMATS = ['YYYY年M月D日', 'YYYY-MM-DD', 'YYYYMMDD'];
const ISO = 'YYYY-MM-DD';

interface Props {
  /** 'YYYY-MM-DD' or '' — the only date format stored and passed around */
  value?: string;
  onChange?: (value: string) => void;
  /** earliest date that may be picked */
  min?: string;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/** A date as the rest of the product holds it (an ISO string), picked with antd's Chinese calendar. */
export function DateField({ value, onChange, min, id, style, ...rest }: Props) {
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      value={value ? dayjs(value) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(ISO) : '')}
      format={FORMATS}
      placeholder={t('common.datePlaceholder')}
      disabledDate={min ? (d: Dayjs) => d.format(ISO) < min : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}
