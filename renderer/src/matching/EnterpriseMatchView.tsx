import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Flex, Spin, Tabs, Typography } from 'antd';
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AppErrorData } from '@shared/api/errors';
import { MATCH_GROUPS, type EnterpriseMatchOutput, type ItemMatch, type MatchGroup } from '@shared/matching/api-schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { PdfPreviewModal } from '../common/PdfPreviewModal';
import { errorData } from '../common/errors';
import { useReportError } from '../common/useReportError';
import { PolicyDetailDrawer } from '../policies/PolicyDetailDrawer';
import { ItemMatchCard } from './ItemMatchCard';

type Section = MatchGroup;
const SECTIONS = MATCH_GROUPS;

/**
 * 政策计算器 for one company: 可申报 / 数据不全待核实 / 差一项, each item with its conditions checked
 * against the company's data; 打印匹配清单 makes the PDF, previewed here to download or print.
 */
export function EnterpriseMatchView({ uscc }: { uscc: string }) {
  const report = useReportError();
  const [out, setOut] = useState<EnterpriseMatchOutput | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);
  const [round, setRound] = useState(0);
  const [pdf, setPdf] = useState<{ fileName: string; mimeType: string; base64: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [policyId, setPolicyId] = useState<string | null>(null);
  const [tab, setTab] = useState<Section>('eligible');

  useEffect(() => {
    let live = true;
    setProblem(null);
    api.matchEnterprise({ uscc }).then(
      (o) => {
        if (!live) return;
        setOut(o);
        // open on the first section with something in it
        setTab(SECTIONS.find((s) => o[s].length > 0) ?? 'eligible');
      },
      (e: unknown) => live && setProblem(errorData(e)),
    );
    return () => {
      live = false;
    };
  }, [uscc, round]);

  const print = async () => {
    setPrinting(true);
    try {
      setPdf(await api.matchListPdf({ uscc }));
    } catch (e) {
      report(e);
    } finally {
      setPrinting(false);
    }
  };

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
  if (!out || out.enterprise.uscc !== uscc) return <Spin style={{ display: 'block', margin: '60px auto' }} />;

  const list = (items: ItemMatch[], section: Section) =>
    items.length ? (
      <div data-testid={`match-${section}`}>
        {out.totals[section] > items.length && (
          <Typography.Paragraph type="secondary">{t('matching.shownFirst', { total: out.totals[section], n: items.length })}</Typography.Paragraph>
        )}
        {items.map((m) => (
          <ItemMatchCard key={m.item.id} match={m} onOpenPolicy={setPolicyId} />
        ))}
      </div>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`matching.empty.${section}`)} data-testid={`match-${section}`} />
    );

  return (
    <div data-testid="enterprise-match">
      <Flex justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="match-enterprise-name">
            {out.enterprise.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {[out.enterprise.uscc, t('matching.on', { date: formatChineseDate(out.on) })].join(t('common.separator'))}
          </Typography.Text>
        </div>
        <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>
          {t('matching.printList')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 4 }}>
        {t('matching.legend')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Section)}
        items={SECTIONS.map((s) => ({ key: s, label: t(`matching.section.${s}`, { n: out.totals[s] }), children: list(out[s], s) }))}
      />
      <PdfPreviewModal file={pdf} title={t('matching.pdfTitle', { name: out.enterprise.name })} onClose={() => setPdf(null)} />
      <PolicyDetailDrawer policyId={policyId} onClose={() => setPolicyId(null)} />
    </div>
  );
}
