import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Spin, Tabs, Typography } from 'antd';
import { CopyOutlined, LinkOutlined } from '@ant-design/icons';
import type { PolicyDetail, PolicyItemView } from '@shared/policies/api-schemas';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { useOverlay } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { copyText } from '../common/clipboard';
import { errorData } from '../common/errors';
import { ItemMatchDrawer } from '../matching/ItemMatchDrawer';
import { PolicyItemCard } from './PolicyItemCard';
import { PolicyTags } from './PolicyTags';
import { linkOf, sameLink, useLinkTargetStore } from './link-target-store';
import { usePolicyCache } from './policy-cache';
import '../common/lists.css';

const INTERPRETATION = ['background', 'scope', 'keyPoints', 'changes'] as const;

/** A policy as the clerk reads it to the company: the items first, then the interpretation and the text. */
export function PolicyDetailDrawer({ policyId, onClose }: { policyId: string | null; onClose(): void }) {
  useOverlay(!!policyId);
  const [detail, setDetail] = useState<PolicyDetail | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);
  const [companiesOf, setCompaniesOf] = useState<string | null>(null);

  useEffect(() => {
    if (!policyId) return;
    let live = true;
    setProblem(null);
    setDetail(usePolicyCache.getState().byId[policyId] ?? null);
    usePolicyCache
      .getState()
      .get(policyId)
      .then(
        (d) => live && setDetail(d),
        (e: unknown) => live && setProblem(errorData(e)),
      );
    return () => {
      live = false;
    };
  }, [policyId]);

  const shown = detail && detail.id === policyId ? detail : null;
  return (
    <Drawer
      open={!!policyId}
      onClose={onClose}
      size={880}
      title={t('policy.detail')}
      destroyOnHidden
      extra={shown && <LinkWholePolicy policy={shown} />}
      data-testid="policy-detail"
    >
      {problem ? (
        <Alert type="error" showIcon title={problem.message} role="alert" />
      ) : !shown ? (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <PolicyDetailBody policy={shown} onCompanies={setCompaniesOf} />
      )}
      <ItemMatchDrawer itemId={companiesOf} onClose={() => setCompaniesOf(null)} />
    </Drawer>
  );
}

function LinkWholePolicy({ policy }: { policy: PolicyDetail }) {
  const target = useLinkTargetStore((s) => s.target);
  if (!target) return null;
  const link = linkOf(policy, null);
  const linked = target.links.some((l) => sameLink(l, link));
  return (
    <Button
      type="primary"
      icon={<LinkOutlined />}
      disabled={linked}
      onClick={() => {
        target.add(link);
        useLinkTargetStore.setState({ lastLinked: link });
      }}
    >
      {linked ? t('link.linked') : t(target.kind === 'call' ? 'link.toCall' : 'link.toConsultation')}
    </Button>
  );
}

function PolicyDetailBody({ policy, onCompanies }: { policy: PolicyDetail; onCompanies(itemId: string): void }) {
  const staff = useStaff();
  const { message } = App.useApp();
  const target = useLinkTargetStore((s) => s.target);
  const mayCampaign = !!staff && can(staff.roles, 'business', 'backoffice', 'manager');

  const linkItem = (item: PolicyItemView) => {
    if (!target) return;
    const link = linkOf(policy, item);
    target.add(link);
    useLinkTargetStore.setState({ lastLinked: link });
  };
  const copy = async (text: string) => {
    if (await copyText(text)) void message.success(t('policy.keyPointsCopied'));
    else void message.error(t('policy.copyFailed'));
  };

  const items = (
    <div data-testid="policy-items">
      {policy.items.map((item) => (
        <PolicyItemCard
          key={item.id}
          item={item}
          linkLabel={target ? t('link.linkItem') : undefined}
          linked={!!target?.links.some((l) => sameLink(l, { policyId: policy.id, itemId: item.id }))}
          onLink={target ? () => linkItem(item) : undefined}
          onCompanies={mayCampaign ? () => onCompanies(item.id) : undefined}
        />
      ))}
    </div>
  );

  const interpretation = INTERPRETATION.filter((k) => policy.interpretation[k].trim());
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 6 }} data-testid="policy-title">
        {policy.title}
      </Typography.Title>
      <div style={{ marginBottom: 10 }}>
        <PolicyTags policy={policy} />
      </div>
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 96 } }}
        items={[
          { key: 'docNo', label: t('policy.docNo'), children: policy.docNo || t('policy.noDocNo') },
          { key: 'issuer', label: t('policy.issuer'), children: policy.issuer },
          { key: 'publish', label: t('policy.publishDate'), children: formatChineseDate(policy.publishDate) },
          { key: 'expiry', label: t('policy.expiryDate'), children: policy.expiryDate ? formatChineseDate(policy.expiryDate) : t('policy.noExpiry') },
          { key: 'departments', label: t('policy.departments'), children: policy.departments.join(t('common.listSeparator')), span: 2 },
        ]}
      />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          { key: 'items', label: t('policy.tab.items', { n: policy.items.length }), children: items },
          {
            key: 'interpretation',
            label: t('policy.tab.interpretation'),
            children: interpretation.length ? (
              interpretation.map((k) => (
                <section key={k} style={{ marginBottom: 14 }}>
                  <Flex justify="space-between" align="center">
                    <Typography.Title level={5} style={{ margin: '4px 0' }}>
                      {t(`interpretation.${k}`)}
                    </Typography.Title>
                    {k === 'keyPoints' && (
                      <Button size="small" icon={<CopyOutlined />} onClick={() => void copy(policy.interpretation.keyPoints)}>
                        {t('policy.copyKeyPoints')}
                      </Button>
                    )}
                  </Flex>
                  <Typography.Paragraph className={k === 'keyPoints' ? 'pd-pre pd-keypoints' : 'pd-pre'}>{policy.interpretation[k]}</Typography.Paragraph>
                </section>
              ))
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policy.noInterpretation')} />
            ),
          },
          {
            key: 'text',
            label: t('policy.tab.fullText'),
            children: <div className="pd-fulltext" data-testid="policy-fulltext">{policy.fullText}</div>,
          },
        ]}
      />
    </>
  );
}
