import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, Row, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { CalculatorOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AppErrorData } from '@shared/api/errors';
import type { EnterpriseProfile } from '@shared/enterprises/api-schemas';
import { CERTIFICATE_TYPES, type ProfileTag } from '@shared/enterprises/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { errorData } from '../common/errors';
import { chineseDateTime } from '../common/format';
import { percent, persons, wan, years } from '../common/numbers';
import { useReportError } from '../common/useReportError';

type Certificate = EnterpriseProfile['certificates'][number];

const dateOrNone = (d: string | null) => (d ? formatChineseDate(d) : t('profile.notRecorded'));
const orNone = (s: string | null | undefined) => s || t('profile.notRecorded');

/** When a manual tag was set: an ISO instant (or a date) in Chinese. */
const setAtText = (s: string | null) => (!s ? '' : s.length > 10 ? chineseDateTime(s) : formatChineseDate(s));

/** 2024年12月8日 至 2027年12月8日 · 至 2027年12月8日 · 2024年12月8日 起 */
function validity(c: Certificate): string {
  if (c.validFrom && c.validTo) return t('profile.validRange', { from: formatChineseDate(c.validFrom), to: formatChineseDate(c.validTo) });
  if (c.validTo) return t('profile.validTo', { to: formatChineseDate(c.validTo) });
  if (c.validFrom) return t('profile.validFrom', { from: formatChineseDate(c.validFrom) });
  return t('profile.notRecorded');
}

interface Props {
  uscc: string;
  /** business / backoffice may add and remove manual tags */
  mayTag: boolean;
  /** 政策匹配 for this company (counter / hotline / business / manager) */
  onMatch?(uscc: string): void;
}

/** 企业画像: the company's data (万元, Chinese dates), its size class, computed and manual tags. */
export function EnterpriseProfileView({ uscc, mayTag, onMatch }: Props) {
  const [profile, setProfile] = useState<EnterpriseProfile | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setProblem(null);
    api.enterpriseGet({ uscc }).then(
      (p) => live && setProfile(p),
      (e: unknown) => live && setProblem(errorData(e)),
    );
    return () => {
      live = false;
    };
  }, [uscc, round]);

  if (problem) {
    return (
      <Alert
        type={problem.code === 'NOT_FOUND' ? 'warning' : 'error'}
        showIcon
        role="alert"
        title={problem.code === 'NOT_FOUND' ? t('matching.notInCache', { uscc }) : problem.message}
        action={<Button size="small" icon={<ReloadOutlined />} onClick={() => setRound((r) => r + 1)}>{t('matching.retry')}</Button>}
      />
    );
  }
  if (!profile || profile.uscc !== uscc) return <Spin style={{ display: 'block', margin: '60px auto' }} />;
  const p = profile;

  return (
    <div data-testid="enterprise-profile">
      <Flex justify="space-between" align="start" gap={12} style={{ marginBottom: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-name">
              {p.name}
            </Typography.Title>
            {p.size && (
              <Tag color="blue" data-testid="profile-size">
                {t(`profile.size.${p.size}`)}
              </Tag>
            )}
          </Flex>
          <Typography.Text type="secondary">{p.uscc}</Typography.Text>
        </div>
        {onMatch && (
          <Button type="primary" icon={<CalculatorOutlined />} onClick={() => onMatch(p.uscc)}>
            {t('matching.button')}
          </Button>
        )}
      </Flex>
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title={t('profile.data')}>
            <Descriptions
              bordered
              size="small"
              column={2}
              styles={{ label: { width: 124, whiteSpace: 'nowrap' } }}
              data-testid="profile-data"
              items={[
                { key: 'legalRep', label: t('profile.legalRep'), children: orNone(p.legalRep) },
                { key: 'registrationDate', label: t('profile.registrationDate'), children: dateOrNone(p.registrationDate) },
                { key: 'age', label: t('profile.age'), children: years(p.ageYears) },
                { key: 'capital', label: t('profile.registeredCapital'), children: wan(p.registeredCapital) },
                { key: 'region', label: t('profile.regionCode'), children: orNone(p.regionCode) },
                { key: 'industry', label: t('profile.industryCode'), children: orNone(p.industryCode) },
                { key: 'employees', label: t('profile.employees'), children: persons(p.employees) },
                { key: 'revenue', label: t('profile.revenue'), children: wan(p.revenue) },
                { key: 'assets', label: t('profile.totalAssets'), children: wan(p.totalAssets) },
                { key: 'tax', label: t('profile.taxPaid'), children: wan(p.taxPaid) },
                { key: 'rnd', label: t('profile.rndExpense'), children: wan(p.rndExpense) },
                { key: 'rndRatio', label: t('profile.rndRatio'), children: percent(p.rndRatio) },
                { key: 'size', label: t('profile.sizeLabel'), children: p.size ? t(`profile.size.${p.size}`) : t('profile.sizeUnknown'), span: 2 },
                { key: 'contact', label: t('profile.contact'), children: [p.contactName, p.contactPhone].filter(Boolean).join(t('common.separator')) || t('profile.notRecorded'), span: 2 },
              ]}
            />
            <Typography.Text strong style={{ display: 'block', margin: '12px 0 6px' }}>
              {t('profile.certificates')}
            </Typography.Text>
            <Table<Certificate>
              size="small"
              pagination={false}
              rowKey={(c) => `${c.type}-${c.number}`}
              dataSource={p.certificates}
              locale={{ emptyText: t('profile.noCertificates') }}
              columns={[
                { title: t('profile.certType'), dataIndex: 'type', render: (v: Certificate['type']) => CERTIFICATE_TYPES[v] },
                { title: t('profile.certNo'), dataIndex: 'number', width: 150, render: (v: string) => v || t('profile.notRecorded') },
                {
                  title: t('profile.certValid'),
                  key: 'valid',
                  width: 220,
                  render: (_: unknown, c) => validity(c),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <TagsCard profile={p} mayTag={mayTag} onChanged={setProfile} />
        </Col>
      </Row>
    </div>
  );
}

function TagsCard({ profile, mayTag, onChanged }: { profile: EnterpriseProfile; mayTag: boolean; onChanged(p: EnterpriseProfile): void }) {
  const { message } = App.useApp();
  const report = useReportError();
  const [form] = Form.useForm<{ tag: string; note: string }>();
  const [busy, setBusy] = useState(false);
  const rules = profile.tags.filter((x) => x.source === 'rule');
  const manual = profile.tags.filter((x) => x.source === 'manual');

  const add = async ({ tag, note }: { tag: string; note: string }) => {
    setBusy(true);
    try {
      onChanged(await api.enterpriseTagAdd({ uscc: profile.uscc, tag: tag.trim(), note: (note ?? '').trim() }));
      form.resetFields();
      void message.success(t('profile.tagAdded', { tag: tag.trim() }));
    } catch (e) {
      const data = errorData(e);
      const field = data.fields?.find((f) => f.path === 'tag' || f.path === 'note');
      if (field) form.setFields([{ name: field.path as 'tag' | 'note', errors: [field.message] }]);
      else report(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (tag: ProfileTag) => {
    try {
      onChanged(await api.enterpriseTagRemove({ uscc: profile.uscc, tag: tag.tag }));
      void message.success(t('profile.tagRemoved', { tag: tag.tag }));
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card size="small" title={t('profile.tags')} data-testid="profile-tags">
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('profile.ruleTags')}
      </Typography.Text>
      <Flex wrap gap={6} style={{ margin: '4px 0 12px' }}>
        {rules.length ? (
          rules.map((x) => (
            <Tooltip key={x.tag} title={x.reason} trigger={['hover', 'focus']}>
              <Tag color="geekblue" tabIndex={0} style={{ marginInlineEnd: 0, cursor: 'help' }} data-testid="rule-tag">
                {x.tag}
              </Tag>
            </Tooltip>
          ))
        ) : (
          <Typography.Text type="secondary">{t('profile.noTags')}</Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('profile.manualTags')}
      </Typography.Text>
      <div style={{ margin: '4px 0 8px' }}>
        {manual.length ? (
          manual.map((x) => (
            <Flex key={x.tag} align="center" gap={8} style={{ padding: '3px 0' }} data-testid="manual-tag">
              <Tag color="gold" style={{ marginInlineEnd: 0 }}>
                {x.tag}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1, minWidth: 0 }} ellipsis={{ tooltip: x.reason }}>
                {[x.setBy, setAtText(x.setAt), x.reason].filter(Boolean).join(t('common.separator'))}
              </Typography.Text>
              {mayTag && (
                <Button size="small" type="link" danger onClick={() => void remove(x)} aria-label={t('profile.removeTag', { tag: x.tag })}>
                  {t('profile.remove')}
                </Button>
              )}
            </Flex>
          ))
        ) : (
          <Typography.Text type="secondary">{t('profile.noTags')}</Typography.Text>
        )}
      </div>
      {mayTag && (
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} autoComplete="off" style={{ rowGap: 6 }}>
          <Form.Item name="tag" rules={[{ required: true, whitespace: true, message: t('error.FIELD_REQUIRED', { field: t('profile.tagName') }) }]} style={{ width: 120 }}>
            <Input maxLength={30} placeholder={t('profile.tagName')} aria-label={t('profile.tagName')} />
          </Form.Item>
          <Form.Item name="note" style={{ flex: 1, minWidth: 120, marginInlineEnd: 8 }}>
            <Input maxLength={200} placeholder={t('profile.tagNote')} aria-label={t('profile.tagNote')} />
          </Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={busy}>
            {t('profile.addTag')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
