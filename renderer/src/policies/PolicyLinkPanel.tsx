import { useEffect, useRef, useState } from 'react';
import { backToSearchKeys, searchBoxKeys } from '../common/pickerKeys';
import { Button, Flex, Spin, Tag, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CopyOutlined, FileSearchOutlined } from '@ant-design/icons';
import type { PolicyDetail, PolicySearchHit } from '@shared/policies/api-schemas';
import { SEARCH_LIMITS } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useActiveIndex } from '../common/useActiveIndex';
import { useLiveSearch } from '../common/useLiveSearch';
import { useReportError } from '../common/useReportError';
import { SearchInput } from '../common/SearchInput';
import { PolicyDetailDrawer } from './PolicyDetailDrawer';
import { PolicyResultList, optionId } from './PolicyResultList';
import { DeliveryTag } from './PolicyTags';
import { useCopyKeyPoints } from './useCopyKeyPoints';
import { linkOf, sameLink, useLinkTargetStore, type LinkedPolicy } from './link-target-store';
import { usePolicyCache } from './policy-cache';
import '../common/lists.css';

const LIST_ID = 'link-results';
const OPTIONS_ID = 'link-options';
const RESULTS = 8;

/**
 * 关联政策, beside a consultation or call form: type (2 characters are enough) → Enter on a policy →
 * Enter on the whole policy or one of its items to link it; the key points of the last one linked go
 * into the answer with Alt+K. Esc goes back from a policy to the results.
 */
export function PolicyLinkPanel({ maxHeight }: { maxHeight?: number | string }) {
  const report = useReportError();
  const target = useLinkTargetStore((s) => s.target);
  const lastLinked = useLinkTargetStore((s) => s.lastLinked);
  const inputRef = useRef<InputRef>(null);
  const optionsRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PolicyDetail | null>(null);
  const [opening, setOpening] = useState<string | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);

  useEffect(() => {
    const focus = () => {
      setChosen(null);
      // after React has shown the search box again
      setTimeout(() => inputRef.current?.focus({ cursor: 'all' }));
    };
    useLinkTargetStore.setState({ focusSearch: focus });
    return () => useLinkTargetStore.setState({ focusSearch: null });
  }, []);

  // the choice takes the focus when it appears (the search box has just gone)
  useEffect(() => {
    if (chosen) optionsRef.current?.focus();
  }, [chosen]);

  const q = query.trim();
  const search = useLiveSearch(q, () => api.policySearch({ query: q, limit: RESULTS }), { enabled: q.length > 0 });
  const hits = search.data?.hits ?? [];

  const choose = async (hit: PolicySearchHit) => {
    setOpening(hit.id);
    try {
      const detail = await usePolicyCache.getState().get(hit.id);
      setChosen(detail);
    } catch (e) {
      report(e);
    } finally {
      setOpening(null);
    }
  };
  const results = useActiveIndex(hits.length, (i) => void choose(hits[i]!), search.answered);

  // stage 2: the whole policy, then each of its items
  const options: LinkedPolicy[] = chosen ? [linkOf(chosen, null), ...chosen.items.map((it) => linkOf(chosen, it))] : [];
  const link = (l: LinkedPolicy) => {
    if (!target) return;
    target.add(l);
    useLinkTargetStore.setState({ lastLinked: l });
  };
  const optionKeys = useActiveIndex(options.length, (i) => link(options[i]!), chosen?.id);
  const back = () => {
    setChosen(null);
    setTimeout(() => inputRef.current?.focus());
  };

  const copy = useCopyKeyPoints();

  // never the form's Enter: the search box only searches
  const onInputKey = searchBoxKeys(query, () => setQuery(''), results.onKeyDown);
  const onOptionsKey = backToSearchKeys(back, optionKeys.onKeyDown);

  const isLinked = (l: LinkedPolicy) => !!target?.links.some((x) => sameLink(x, l));

  return (
    <div data-testid="policy-link-panel">
      {!chosen ? (
        <>
          <SearchInput
            ref={inputRef}
            placeholder={t('link.searchPlaceholder')}
            label={t('link.search')}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={LIST_ID}
            aria-activedescendant={results.active >= 0 ? optionId(LIST_ID, results.active) : undefined}
            maxLength={SEARCH_LIMITS.query}
            value={query}
            onText={setQuery}
            onKeyDown={onInputKey}
            disabled={!target}
          />
          <div style={{ maxHeight, overflow: 'auto', marginTop: 6 }}>
            {q ? (
              <Spin spinning={!!opening}>
                <PolicyResultList
                  id={LIST_ID}
                  compact
                  hits={hits}
                  loading={search.loading}
                  active={results.active}
                  onActive={results.setActive}
                  onOpen={(h) => void choose(h)}
                  empty={search.error ? search.error.message : t('policy.noResultsFor', { query: q })}
                />
              </Spin>
            ) : (
              <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '8px 2px' }}>
                {t('link.hint')}
              </Typography.Paragraph>
            )}
          </div>
        </>
      ) : (
        <>
          <Flex align="center" gap={4} style={{ marginBottom: 6 }}>
            <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('link.back')}>
              {t('link.back')}
            </Button>
            <span style={{ flex: 1 }} />
            <Button size="small" icon={<FileSearchOutlined />} onClick={() => setDetailId(chosen.id)}>
              {t('link.viewDetail')}
            </Button>
          </Flex>
          <Typography.Text strong style={{ display: 'block' }}>
            {chosen.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {chosen.docNo}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '6px 0 4px' }}>
            {t('link.chooseHint')}
          </Typography.Text>
          <div
            ref={optionsRef}
            id={OPTIONS_ID}
            role="listbox"
            tabIndex={0}
            aria-label={t('link.options')}
            aria-activedescendant={optionKeys.active >= 0 ? `${OPTIONS_ID}-${optionKeys.active}` : undefined}
            className="pd-options"
            onKeyDown={onOptionsKey}
            style={{ maxHeight, overflow: 'auto' }}
          >
            {options.map((o, i) => {
              const item = o.itemId ? chosen.items.find((it) => it.id === o.itemId) : undefined;
              const linked = isLinked(o);
              return (
                <div
                  key={o.itemId ?? '*'}
                  id={`${OPTIONS_ID}-${i}`}
                  role="option"
                  aria-selected={i === optionKeys.active}
                  className="pd-option"
                  onMouseEnter={() => optionKeys.setActive(i)}
                  onClick={() => link(o)}
                  data-testid="link-option"
                >
                  <Flex justify="space-between" align="center" gap={6}>
                    <Typography.Text strong={!item}>{item ? item.name : t('link.wholePolicy')}</Typography.Text>
                    {linked ? (
                      <Tag color="success" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
                        {t('link.linked')}
                      </Tag>
                    ) : (
                      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                        {t('link.enterToLink')}
                      </Typography.Text>
                    )}
                  </Flex>
                  {item && (
                    <div style={{ fontSize: 12, marginTop: 2 }}>
                      <DeliveryTag mode={item.deliveryMode} />
                      <Typography.Text type="secondary">{item.amount}</Typography.Text>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </>
      )}
      {target && lastLinked && (
        <div style={{ marginTop: 10, borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
            {t('link.last', { name: lastLinked.itemName ?? lastLinked.title })}
          </Typography.Text>
          <Button block icon={<CopyOutlined />} onClick={() => void copy()} style={{ marginTop: 4 }} data-testid="copy-key-points">
            {t('link.copyToAnswer')}
          </Button>
        </div>
      )}
      <PolicyDetailDrawer policyId={detailId} onClose={() => setDetailId(null)} />
    </div>
  );
}
