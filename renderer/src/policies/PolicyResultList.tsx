import { useEffect } from 'react';
import { Empty, Flex, Spin, Typography } from 'antd';
import type { PolicySearchHit } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { Highlight } from '../common/Highlight';
import { PolicyTags } from './PolicyTags';
import '../common/lists.css';

interface Props {
  id: string;
  hits: PolicySearchHit[];
  loading: boolean;
  active: number;
  onActive(index: number): void;
  onOpen(hit: PolicySearchHit): void;
  /** the panel beside a form: one line of text per hit */
  compact?: boolean;
  empty?: string;
}

export const optionId = (listId: string, index: number) => `${listId}-opt-${index}`;

/**
 * Ranked policies with what matched marked. A listbox whose active option follows ↓/↑ in the
 * search box (aria-activedescendant); a click or Enter opens one.
 */
export function PolicyResultList({ id, hits, loading, active, onActive, onOpen, compact, empty }: Props) {
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(id, active))?.scrollIntoView({ block: 'nearest' });
  }, [id, active]);

  if (!hits.length) {
    return loading ? (
      <Spin style={{ display: 'block', margin: '32px auto' }} />
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('policy.noResults')} data-testid="policy-empty" />
    );
  }
  return (
    <div id={id} role="listbox" aria-label={t('policy.results')} className={`pd-results${compact ? ' pd-results-compact' : ''}`} aria-busy={loading}>
      {hits.map((h, i) => (
        <div
          key={h.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          className="pd-result"
          onMouseEnter={() => onActive(i)}
          onClick={() => onOpen(h)}
          data-testid="policy-hit"
        >
          <Flex justify="space-between" align="start" gap={8}>
            <Typography.Text strong className="pd-result-title">
              <Highlight parts={h.titleHighlighted} />
            </Typography.Text>
            {!compact && <PolicyTags policy={h} />}
          </Flex>
          <div className="pd-result-meta">
            {[h.docNo, compact ? '' : h.issuer, formatChineseDate(h.publishDate)].filter(Boolean).join(t('common.separator'))}
            {compact && (
              <span style={{ marginInlineStart: 8 }}>
                <PolicyTags policy={h} />
              </span>
            )}
          </div>
          {h.snippet.length > 0 && (
            <div className="pd-result-snippet">
              <Highlight parts={h.snippet} />
            </div>
          )}
          {h.matchedItems.length > 0 && (
            <div className="pd-result-items">
              {t('policy.matchedItems')}
              {h.matchedItems.map((m) => m.name).join(t('common.listSeparator'))}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
