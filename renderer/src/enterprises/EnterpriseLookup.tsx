import { useState, type Ref } from 'react';
import { AutoComplete, Input, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { checkUscc } from '@shared/enterprise/uscc';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useLiveSearch } from '../common/useLiveSearch';

interface Props {
  onSelect(company: Pick<EnterpriseSummary, 'uscc' | 'name'>): void;
  inputRef?: Ref<InputRef>;
  autoFocus?: boolean;
  width?: number | string;
}

/**
 * 企业查询 as you type: a USCC prefix or any part of the name (one character is enough); ↓/↑ and
 * Enter pick one. A complete, valid code is taken as it is on Enter even before the list arrives.
 */
export function EnterpriseLookup({ onSelect, inputRef, autoFocus, width = 460 }: Props) {
  const [text, setText] = useState('');
  const q = text.trim();
  const search = useLiveSearch(q, () => api.enterpriseLookup({ query: q, limit: 20 }), { enabled: q.length > 0 });
  const found = search.answered === q ? (search.data ?? []) : [];

  const options = found.map((e) => ({
    value: e.uscc,
    label: (
      <div style={{ lineHeight: 1.35, padding: '2px 0' }} data-testid="enterprise-option">
        <div style={{ fontWeight: 500 }}>{e.name}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[e.uscc, e.legalRep].filter(Boolean).join(t('common.separator'))}
        </Typography.Text>
      </div>
    ),
  }));

  const pick = (uscc: string) => {
    const company = found.find((e) => e.uscc === uscc);
    setText(company?.name ?? uscc);
    onSelect({ uscc, name: company?.name ?? '' });
  };

  return (
    <AutoComplete
      options={options}
      value={text}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => pick(v)}
      defaultActiveFirstOption
      notFoundContent={q ? (search.loading ? t('profile.searching') : search.error ? search.error.message : t('profile.noMatch')) : null}
      style={{ width }}
      popupMatchSelectWidth
    >
      <Input
        ref={inputRef}
        autoFocus={autoFocus}
        size="large"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('profile.lookupPlaceholder')}
        aria-label={t('profile.lookup')}
        maxLength={100}
        onKeyDown={(e) => {
          const code = q.toUpperCase();
          if (e.key === 'Enter' && !options.length && code.length === 18 && checkUscc(code).ok) {
            e.preventDefault();
            setText(code);
            onSelect({ uscc: code, name: '' });
          }
        }}
      />
    </AutoComplete>
  );
}
