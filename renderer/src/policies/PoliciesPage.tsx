import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Pagination, Typography, type InputRef } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { SEARCH_LIMITS } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { usePageCommands } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { useActiveIndex } from '../common/useActiveIndex';
import { useLiveSearch } from '../common/useLiveSearch';
import { SearchInput } from '../common/SearchInput';
import { PolicyDetailDrawer } from './PolicyDetailDrawer';
import { PolicyFilterPanel } from './PolicyFilterPanel';
import { PolicyImportModal } from './PolicyImportModal';
import { PolicyResultList, optionId } from './PolicyResultList';
import { PAGE_SIZE, usePolicySearchStore } from './policy-search-store';

const LIST_ID = 'policy-results';

/**
 * 政策检索: search as you type (150 ms after the last key; a late answer to an older query is
 * dropped), filters beside, ranked results with the hits marked. ↓/↑ move through the results from
 * the search box, Enter opens one.
 */
export function PoliciesPage() {
  const staff = useStaff();
  const { query, filters, page, openId, setQuery, setFilters, setPage, open } = usePolicySearchStore();
  const searchRef = useRef<InputRef>(null);
  const [importing, setImporting] = useState(false);
  const mayImport = !!staff && can(staff.roles, 'backoffice', 'admin');

  const key = JSON.stringify({ q: query.trim(), filters, page });
  const search = useLiveSearch(key, () =>
    api.policySearch({ query: query.trim(), filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
  );
  const hits = search.data?.hits ?? [];
  const total = search.data?.total ?? 0;
  const list = useActiveIndex(hits.length, (i) => open(hits[i]!.id), search.answered);

  usePageCommands({ focusSearch: () => searchRef.current?.focus({ cursor: 'all' }) });

  return (
    <Flex gap={12} align="start">
      <Card size="small" title={t('policy.filters')} style={{ width: 236, flex: 'none', position: 'sticky', top: 0 }}>
        <PolicyFilterPanel filters={filters} onChange={setFilters} />
      </Card>
      <Card
        size="small"
        style={{ flex: 1, minWidth: 0 }}
        title={
          <SearchInput
            ref={searchRef}
            autoFocus
            size="large"
            placeholder={t('policy.searchPlaceholder')}
            label={t('policy.search')}
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={LIST_ID}
            aria-activedescendant={list.active >= 0 ? optionId(LIST_ID, list.active) : undefined}
            maxLength={SEARCH_LIMITS.query}
            value={query}
            onText={setQuery}
            onKeyDown={list.onKeyDown}
            style={{ margin: '8px 0' }}
          />
        }
        extra={
          mayImport && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} style={{ marginInlineStart: 12 }}>
              {t('policyImport.button')}
            </Button>
          )
        }
        styles={{ body: { padding: 0 } }}
      >
        <Flex justify="space-between" align="center" style={{ padding: '6px 12px', borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Text type="secondary" data-testid="policy-total">
            {search.data ? t('policy.total', { n: total }) : '\u00a0'}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('policy.keysHint')}
          </Typography.Text>
        </Flex>
        {search.error && <Alert type="error" showIcon title={search.error.message} style={{ margin: 12 }} role="alert" />}
        <PolicyResultList
          id={LIST_ID}
          hits={hits}
          loading={search.loading}
          active={list.active}
          onActive={list.setActive}
          onOpen={(h) => open(h.id)}
          empty={query.trim() ? t('policy.noResultsFor', { query: query.trim() }) : t('policy.noResults')}
        />
        {total > PAGE_SIZE && (
          <Flex justify="flex-end" style={{ padding: 12 }}>
            <Pagination
              size="small"
              current={page}
              pageSize={PAGE_SIZE}
              total={Math.min(total, 10_000)}
              showSizeChanger={false}
              onChange={(p) => {
                setPage(p);
                searchRef.current?.focus();
              }}
            />
          </Flex>
        )}
      </Card>
      <PolicyDetailDrawer
        policyId={openId}
        onClose={() => {
          open(null);
          searchRef.current?.focus();
        }}
      />
      {mayImport && <PolicyImportModal open={importing} onClose={() => setImporting(false)} onImported={search.refresh} />}
    </Flex>
  );
}
