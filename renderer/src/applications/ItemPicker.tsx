import { useEffect, useRef, useState, type Ref } from 'react';
import { backToSearchKeys, searchBoxKeys } from '../common/pickerKeys';
import { Button, Flex, Spin, Tag, Typography, type InputRef } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { PolicyDetail, PolicyItemView, PolicySearchHit } from '@shared/policies/api-schemas';
import { SEARCH_LIMITS } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { useActiveIndex } from '../common/useActiveIndex';
import { useLiveSearch } from '../common/useLiveSearch';
import { useReportError } from '../common/useReportError';
import { SearchInput } from '../common/SearchInput';
import { PolicyResultList } from '../policies/PolicyResultList';
import { DeliveryTag } from '../policies/PolicyTags';
import { usePolicyCache } from '../policies/policy-cache';
import '../common/lists.css';

export interface ChosenItem {
  item: PolicyItemView;
  policy: Pick<PolicyDetail, 'id' | 'title' | 'docNo'>;
}

const LIST_ID = 'app-item-results';
const OPTIONS_ID = 'app-item-options';
const RESULTS = 8;

/** 免申即享 items are granted without an application: nothing to take in at the counter. */
export const needsNoApplication = (item: PolicyItemView) => item.deliveryMode === 'no_application';

/** 主管部门 · 承诺 n 个工作日 · 申报期 — the facts a clerk checks before taking an application in. */
export function ItemFacts({ item }: { item: PolicyItemView }) {
  return (
    <div style={{ fontSize: 13, lineHeight: 1.7 }}>
      <DeliveryTag mode={item.deliveryMode} />
      {!item.openForApplication && (
        <Tag color="warning" style={{ marginInlineEnd: 4 }}>
          {t('appUi.item.notOpen')}
        </Tag>
      )}
      <Typography.Text type="secondary">
        {[
          t('appUi.item.department', { department: item.department }),
          t('appUi.item.promisedDays', { days: item.promisedDays }),
          item.window ? t('appUi.item.window', { start: formatChineseDate(item.window.start), end: formatChineseDate(item.window.end) }) : t('appUi.item.allYear'),
          t('appUi.item.materials', { n: item.materials.length }),
        ].join(t('common.separator'))}
      </Typography.Text>
    </div>
  );
}

/**
 * 申报事项 for a new application, from the policy library: type (2 characters are enough) → Enter
 * on a policy → Enter on one of its items. Esc goes back from the items to the results.
 */
export function ItemPicker({ value, onChange, inputRef }: { value: ChosenItem | null; onChange(v: ChosenItem | null): void; inputRef?: Ref<InputRef> }) {
  const report = useReportError();
  const ownInput = useRef<InputRef>(null);
  const optionsRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PolicyDetail | null>(null);
  const [opening, setOpening] = useState(false);

  const q = query.trim();
  const search = useLiveSearch(q, () => api.policySearch({ query: q, limit: RESULTS }), { enabled: q.length > 0 });
  const hits = search.data?.hits ?? [];

  useEffect(() => {
    if (chosen) optionsRef.current?.focus();
  }, [chosen]);

  const open = async (hit: PolicySearchHit) => {
    setOpening(true);
    try {
      setChosen(await usePolicyCache.getState().get(hit.id));
    } catch (e) {
      report(e);
    } finally {
      setOpening(false);
    }
  };
  const results = useActiveIndex(hits.length, (i) => void open(hits[i]!), search.answered);
  const items = chosen?.items ?? [];
  const pick = (item: PolicyItemView) => {
    if (!chosen || needsNoApplication(item)) return;
    onChange({ item, policy: { id: chosen.id, title: chosen.title, docNo: chosen.docNo } });
  };
  const itemKeys = useActiveIndex(items.length, (i) => pick(items[i]!), chosen?.id);
  const back = () => {
    setChosen(null);
    setTimeout(() => ownInput.current?.focus());
  };

  const onInputKey = searchBoxKeys(query, () => setQuery(''), results.onKeyDown);
  const onItemsKey = backToSearchKeys(back, itemKeys.onKeyDown);

  if (value) {
    return (
      <div data-testid="chosen-item" style={{ border: '1px solid #91caff', background: '#f0f7ff', borderRadius: 6, padding: '8px 10px' }}>
        <Flex justify="space-between" align="start" gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 15 }} data-testid="chosen-item-name">
              {value.item.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
              {[value.policy.title, value.policy.docNo].filter(Boolean).join(t('common.separator'))}
            </Typography.Text>
          </div>
          <Button size="small" onClick={() => onChange(null)}>
            {t('appUi.item.change')}
          </Button>
        </Flex>
        <ItemFacts item={value.item} />
        <ol style={{ margin: '4px 0 0', paddingInlineStart: 20, fontSize: 13 }} data-testid="chosen-item-materials">
          {value.item.materials.map((m, i) => (
            <li key={i}>
              {m.name}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('appUi.item.materialLine', {
                  form: t(`appUi.form.${m.form}`),
                  copies: m.copies,
                  rule: [m.required ? t('appUi.checklist.required') : t('appUi.checklist.optional'), m.deferrable ? t('appUi.checklist.deferrable') : ''].filter(Boolean).join(t('common.listSeparator')),
                })}
              </Typography.Text>
            </li>
          ))}
        </ol>
      </div>
    );
  }

  const setRefs = (el: InputRef | null) => {
    ownInput.current = el;
    if (typeof inputRef === 'function') inputRef(el);
    else if (inputRef) (inputRef as { current: InputRef | null }).current = el;
  };

  return (
    <div data-testid="item-picker">
      {!chosen ? (
        <>
          <SearchInput
            ref={setRefs}
            placeholder={t('appUi.item.searchPlaceholder')}
            label={t('appUi.item.search')}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={LIST_ID}
            maxLength={SEARCH_LIMITS.query}
            value={query}
            onText={setQuery}
            onKeyDown={onInputKey}
          />
          {q && (
            <div style={{ maxHeight: 300, overflow: 'auto', marginTop: 6, border: '1px solid #f0f0f0', borderRadius: 6 }}>
              <Spin spinning={opening}>
                <PolicyResultList
                  id={LIST_ID}
                  compact
                  hits={hits}
                  loading={search.loading}
                  active={results.active}
                  onActive={results.setActive}
                  onOpen={(h) => void open(h)}
                  empty={search.error ? search.error.message : t('policy.noResultsFor', { query: q })}
                />
              </Spin>
            </div>
          )}
        </>
      ) : (
        <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }}>
          <Flex align="center" gap={6} style={{ marginBottom: 4 }}>
            <Button size="small" type="text" icon={<ArrowLeftOutlined />} onClick={back}>
              {t('link.back')}
            </Button>
            <Typography.Text strong ellipsis style={{ flex: 1 }}>
              {chosen.title}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '0 0 4px 4px' }}>
            {t('appUi.item.chooseHint')}
          </Typography.Text>
          <div
            ref={optionsRef}
            id={OPTIONS_ID}
            role="listbox"
            tabIndex={0}
            aria-label={t('appUi.item.options')}
            aria-activedescendant={itemKeys.active >= 0 ? `${OPTIONS_ID}-${itemKeys.active}` : undefined}
            className="pd-options"
            onKeyDown={onItemsKey}
            style={{ maxHeight: 300, overflow: 'auto' }}
          >
            {items.map((item, i) => (
              <div
                key={item.id}
                id={`${OPTIONS_ID}-${i}`}
                role="option"
                aria-selected={i === itemKeys.active}
                aria-disabled={needsNoApplication(item)}
                className="pd-option"
                onMouseEnter={() => itemKeys.setActive(i)}
                onClick={() => pick(item)}
                data-testid="item-option"
                style={needsNoApplication(item) ? { opacity: 0.6, cursor: 'not-allowed' } : undefined}
              >
                <Typography.Text strong>{item.name}</Typography.Text>
                <ItemFacts item={item} />
                {needsNoApplication(item) && (
                  <Typography.Text type="warning" style={{ fontSize: 12 }}>
                    {t('appUi.item.noApplication')}
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
