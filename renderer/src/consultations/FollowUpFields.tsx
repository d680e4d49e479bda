import { Col, Form, Input, Radio, Row } from 'antd';
import { DateField } from '../common/DateField';
import { required } from '../common/rules';
import { COMPLEXITIES, LIMITS, WORKING_DAYS_BY_COMPLEXITY, type Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';

/**
 * 需回复 / 转办: how hard the question is (which sets the due date, shown at once from the working-day
 * calendar), an optional date that overrides it, and for 转办 the unit it goes to.
 */
export function FollowUpFields() {
  const result = Form.useWatch<Consultation['result'] | undefined>('result');
  const complexity = Form.useWatch<Consultation['complexity'] | undefined>('complexity');
  const calendar = useCalendarStore((s) => s.calendar);
  const today = useToday();
  if (!result || result === 'answered') return null;
  const due = today ? calendar.addWorkingDays(today, WORKING_DAYS_BY_COMPLEXITY[complexity ?? 'simple']) : '';

  return (
    <Row gutter={12}>
      <Col span={14}>
        <Form.Item
          name="complexity"
          label={t('field.complexity')}
          required
          extra={due && <span data-testid="computed-due">{t('consult.dueDefault', { date: formatChineseDate(due) })}</span>}
        >
          <Radio.Group options={COMPLEXITIES.map((c) => ({ value: c, label: t(`complexity.${c}`) }))} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="dueDate" label={`${t('field.dueDate')}${t('common.optional')}`}>
          <DateField min={today} />
        </Form.Item>
      </Col>
      {result === 'transferred' && (
        <Col span={24}>
          <Form.Item name="transferTo" label={t('field.transferTo')} rules={[required('field.transferTo')]}>
            <Input maxLength={LIMITS.transferTo} placeholder={t('consult.transferToPlaceholder')} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
