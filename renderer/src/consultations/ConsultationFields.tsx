import type { Ref } from 'react';
import { Col, Form, Input, InputNumber, Radio, Row, Select, type InputRef } from 'antd';
import { CATEGORIES, LIMITS, RESULTS } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { required } from '../common/rules';
import { LinkedPoliciesField } from '../policies/LinkedPoliciesField';
import { FollowUpFields } from './FollowUpFields';
import { useClosesOnChoice } from './useClosesOnChoice';
import { UsccField } from './UsccField';

const CATEGORY_OPTIONS = CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }));
const RESULT_OPTIONS = RESULTS.map((r) => ({ value: r, label: t(`result.${r}`) }));
const TEXTAREA_ROWS = { minRows: 2, maxRows: 6 };

/**
 * What a clerk records for any consultation, at the window or on the phone, in the order it is
 * asked (that is also the Tab order). Lives inside an antd Form of ConsultationFormValues.
 */
export function ConsultationFields({ firstFieldRef, showMinutes = true }: { firstFieldRef?: Ref<InputRef>; showMinutes?: boolean }) {
  const categoryList = useClosesOnChoice();
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <UsccField inputRef={firstFieldRef} />
        </Col>
        <Col span={12}>
          <Form.Item name="enterpriseName" label={t('field.enterpriseName')}>
            <Input maxLength={LIMITS.enterpriseName} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactName" label={t('field.contactName')}>
            <Input maxLength={LIMITS.contactName} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactPhone" label={t('field.contactPhone')}>
            <Input maxLength={24} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="question" label={t('field.question')} required>
        <Input.TextArea autoSize={TEXTAREA_ROWS} maxLength={LIMITS.question} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          {/* a rule of its own: the shared check calls a missing choice "格式不正确" */}
          <Form.Item name="category" label={t('field.category')} rules={[required('field.category')]}>
            <Select options={CATEGORY_OPTIONS} placeholder={t('consult.categoryPlaceholder')} showSearch={{ optionFilterProp: 'label' }} {...categoryList} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="policiesReferred" label={t('field.policiesReferred')}>
            <Input maxLength={LIMITS.policiesReferred} placeholder={t('consult.policiesPlaceholder')} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <LinkedPoliciesField />
      <Form.Item name="answer" label={t('field.answer')}>
        <Input.TextArea autoSize={TEXTAREA_ROWS} maxLength={LIMITS.answer} />
      </Form.Item>
      <Form.Item name="result" label={t('field.result')} required>
        <Radio.Group options={RESULT_OPTIONS} />
      </Form.Item>
      <FollowUpFields />
      {showMinutes && (
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="minutesSpent" label={t('field.minutesSpent')}>
              <InputNumber min={0} max={LIMITS.minutesSpent} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
