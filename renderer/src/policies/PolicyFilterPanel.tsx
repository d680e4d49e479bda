import { useEffect, useState } from 'react';
import { Button, Checkbox, Divider, Select, Switch, Typography } from 'antd';
import type { PolicyFilters } from '@shared/policies/api-schemas';
import { POLICY_CATEGORIES, POLICY_LEVELS, POLICY_STATUSES } from '@shared/policies/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { NO_FILTERS } from './policy-search-store';

const LEVELS = POLICY_LEVELS.map((v) => ({ value: v, label: t(`policyLevel.${v}`) }));
const CATEGORIES = POLICY_CATEGORIES.map((v) => ({ value: v, label: t(`policyCategory.${v}`) }));
const STATUSES = POLICY_STATUSES.map((v) => ({ value: v, label: t(`policyStatus.${v}`) }));

const Heading = ({ children, id }: { children: string; id: string }) => (
  <Typography.Text strong id={id} style={{ display: 'block', margin: '10px 0 4px' }}>
    {children}
  </Typography.Text>
);

/** 层级 · 类别 · 部门 · 状态 · 仅看可申报 — all combine (and within a group: any of the ticked). */
export function PolicyFilterPanel({ filters, onChange }: { filters: PolicyFilters; onChange(f: Partial<PolicyFilters>): void }) {
  const [departments, setDepartments] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.policyFacets({}).then(
      (f) => live && setDepartments(f.departments),
      () => undefined, // the list is a convenience: without it the other filters still work
    );
    return () => {
      live = false;
    };
  }, []);
  const active =
    filters.levels.length + filters.categories.length + filters.departments.length + filters.statuses.length > 0 || filters.openForApplication;

  return (
    <div data-testid="policy-filters">
      <label style={{ display: 'flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
        <Switch size="small" checked={filters.openForApplication} onChange={(v) => onChange({ openForApplication: v })} aria-label={t('policy.filter.open')} />
        <Typography.Text>{t('policy.filter.open')}</Typography.Text>
      </label>
      <Heading id="pf-level">{t('policy.filter.level')}</Heading>
      <Checkbox.Group aria-labelledby="pf-level" options={LEVELS} value={filters.levels} onChange={(v) => onChange({ levels: v })} className="pd-filter-group" />
      <Heading id="pf-category">{t('policy.filter.category')}</Heading>
      <Checkbox.Group aria-labelledby="pf-category" options={CATEGORIES} value={filters.categories} onChange={(v) => onChange({ categories: v })} className="pd-filter-group" />
      <Heading id="pf-status">{t('policy.filter.status')}</Heading>
      <Checkbox.Group aria-labelledby="pf-status" options={STATUSES} value={filters.statuses} onChange={(v) => onChange({ statuses: v })} className="pd-filter-group" />
      <Heading id="pf-department">{t('policy.filter.department')}</Heading>
      <Select
        mode="multiple"
        aria-labelledby="pf-department"
        allowClear
        maxTagCount="responsive"
        placeholder={t('policy.filter.anyDepartment')}
        options={departments.map((d) => ({ value: d, label: d }))}
        value={filters.departments}
        onChange={(v: string[]) => onChange({ departments: v.slice(0, 30) })}
        style={{ width: '100%' }}
      />
      <Divider style={{ margin: '12px 0 8px' }} />
      <Button size="small" disabled={!active} onClick={() => onChange(NO_FILTERS)} block>
        {t('policy.filter.clear')}
      </Button>
    </div>
  );
}
