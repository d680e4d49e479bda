import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Input, Typography, type InputRef } from 'antd';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { ApplicationCreateInput, LIMITS } from '@shared/applications/schemas';
import { validationError } from '@shared/api/validation';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData, showFieldErrors } from '../common/errors';
import { submitOnCtrlEnter } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { EnterpriseLookup } from '../enterprises/EnterpriseLookup';
import { ItemPicker, type ChosenItem } from './ItemPicker';

interface Props {
  open: boolean;
  /** a fresh form each time the drawer opens */
  formKey: number;
  onClose(): void;
  onCreated(a: ApplicationDetail): void;
}

/** 新建申报 (Ctrl+N): the company, the item, who brings the papers; then the checklist opens. */
export function NewApplicationDrawer({ open, formKey, onClose, onCreated }: Props) {
  useOverlay(open);
  return (
    <Drawer open={open} onClose={onClose} title={t('appUi.new.title')} size={720} autoFocus={false} destroyOnHidden>
      {open && <NewApplicationForm key={formKey} onCancel={onClose} onCreated={onCreated} />}
    </Drawer>
  );
}

interface ContactValues {
  contactName: string;
  contactPhone: string;
}
const CONTACT_FIELDS = ['contactName', 'contactPhone'] as const;

function NewApplicationForm({ onCancel, onCreated }: { onCancel(): void; onCreated(a: ApplicationDetail): void }) {
  const [form] = Form.useForm<ContactValues>();
  const report = useReportError();
  const { busy, run } = useSubmitOnce();
  const companyInput = useRef<InputRef>(null);
  const itemInput = useRef<InputRef>(null);
  const contactInput = useRef<InputRef>(null);
  const [company, setCompany] = useState<{ uscc: string; name: string } | null>(null);
  const [chosen, setChosen] = useState<ChosenItem | null>(null);
  const [companyError, setCompanyError] = useState<string | null>(null);
  const [itemError, setItemError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => companyInput.current?.focus(), []);

  // the company's contact on file, as a start; the clerk corrects it to who is at the window
  useEffect(() => {
    if (!company) return;
    let live = true;
    api.enterpriseGet({ uscc: company.uscc }).then(
      (p) => {
        if (!live) return;
        if (!company.name) setCompany({ uscc: p.uscc, name: p.name });
        if (!form.getFieldValue('contactName') && p.contactName) form.setFieldValue('contactName', p.contactName);
        if (!form.getFieldValue('contactPhone') && p.contactPhone) form.setFieldValue('contactPhone', p.contactPhone);
      },
      (e: unknown) => live && setCompanyError(errorData(e).code === 'NOT_FOUND' ? t('appUi.new.companyNotCached', { uscc: company.uscc }) : errorData(e).message),
    );
    return () => {
      live = false;
    };
  }, [company, form]);

  const pickCompany = (c: { uscc: string; name: string }) => {
    setCompany(c);
    setCompanyError(null);
    setTimeout(() => (chosen ? contactInput.current?.focus() : itemInput.current?.focus()));
  };
  const pickItem = (v: ChosenItem | null) => {
    setChosen(v);
    setItemError(null);
    if (v) setTimeout(() => contactInput.current?.focus({ cursor: 'end' }));
    else setTimeout(() => itemInput.current?.focus());
  };

  const save = (values: ContactValues) =>
    run(async () => {
      setProblems([]);
      setCompanyError(company ? null : t('appUi.new.companyRequired'));
      setItemError(chosen ? null : t('appUi.new.itemRequired'));
      const input = { uscc: company?.uscc ?? '', itemId: chosen?.item.id ?? '', contactName: values.contactName ?? '', contactPhone: values.contactPhone ?? '' };
      const parsed = ApplicationCreateInput.safeParse(input);
      if (!company || !chosen || !parsed.success) {
        if (!parsed.success) {
          const data = validationError(parsed.error, input).toData();
          showFieldErrors(form, { ...data, fields: data.fields?.filter((f) => f.path !== 'uscc' && f.path !== 'itemId') }, CONTACT_FIELDS, '', !!company && !!chosen);
        }
        return;
      }
      try {
        onCreated(await api.applicationCreate(parsed.data));
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblems(showFieldErrors(form, data, CONTACT_FIELDS));
      }
    });

  return (
    <Form<ContactValues>
      form={form}
      layout="vertical"
      initialValues={{ contactName: '', contactPhone: '' }}
      onFinish={save}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
      autoComplete="off"
      data-testid="new-application-form"
    >
      <Form.Item label={t('appUi.new.company')} required validateStatus={companyError ? 'error' : undefined} help={companyError ?? undefined}>
        {company?.name ? (
          <Flex justify="space-between" align="center" style={{ border: '1px solid #91caff', background: '#f0f7ff', borderRadius: 6, padding: '6px 10px' }} data-testid="chosen-company">
            <div>
              <Typography.Text strong style={{ fontSize: 15 }}>
                {company.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {company.uscc}
              </Typography.Text>
            </div>
            <Button
              size="small"
              onClick={() => {
                setCompany(null);
                setTimeout(() => companyInput.current?.focus());
              }}
            >
              {t('appUi.new.changeCompany')}
            </Button>
          </Flex>
        ) : (
          <EnterpriseLookup inputRef={companyInput} width="100%" onSelect={pickCompany} />
        )}
      </Form.Item>
      <Form.Item label={t('appUi.new.item')} required validateStatus={itemError ? 'error' : undefined} help={itemError ?? undefined}>
        <ItemPicker value={chosen} onChange={pickItem} inputRef={itemInput} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item name="contactName" label={t('appUi.new.contactName')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('appUi.new.contactNameRequired') }]}>
          <Input ref={contactInput} maxLength={LIMITS.contactName} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('appUi.new.contactPhone')} style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: t('appUi.new.contactPhoneRequired') }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Flex>
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginBottom: 12 }} />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('appUi.new.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
