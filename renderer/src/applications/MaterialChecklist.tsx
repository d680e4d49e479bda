import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Tag, Typography } from 'antd';
import type { MaterialView } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { MaterialStateTag } from './StateTag';
import './applications.css';

/** What a key does on the checklist (the workspace wires each to an action). */
export type ChecklistKey = 'present' | 'missing' | 'defective' | 'import' | 'scan' | 'camera' | 'hotFolder' | 'pdf';

const KEYS: Record<string, ChecklistKey> = {
  '1': 'present',
  '2': 'missing',
  '3': 'defective',
  d: 'defective',
  f: 'import',
  s: 'scan',
  c: 'camera',
  h: 'hotFolder',
  v: 'pdf',
};

interface Props {
  materials: MaterialView[];
  selected: number;
  onSelect(index: number): void;
  /** null: read-only (after the decision, or for a reader) */
  onKey: ((key: ChecklistKey, material: MaterialView) => void) | null;
  /** the workspace focuses the list when it opens and after each mark */
  focusKey?: unknown;
}

export const checklistId = (i: number) => `pd-material-${i}`;

/**
 * 材料清单: name, 原件/复印件, 份数, 必需/可容缺, pages and the mark. ↑/↓ choose a material;
 * 1 齐全, 2 缺少, 3 or D 有误 (with what is wrong); F/S/C/H add pages; V shows its PDF.
 */
export function MaterialChecklist({ materials, selected, onSelect, onKey, focusKey }: Props) {
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusKey !== undefined) list.current?.focus({ preventScroll: true });
  }, [focusKey]);
  useEffect(() => {
    document.getElementById(checklistId(selected))?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? Math.min(materials.length - 1, selected + 1) : Math.max(0, selected - 1);
      onSelect(next);
      return;
    }
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      onSelect(e.key === 'Home' ? 0 : materials.length - 1);
      return;
    }
    const action = KEYS[e.key.toLowerCase()];
    const m = materials[selected];
    if (action && m && onKey) {
      e.preventDefault();
      onKey(action, m);
    }
  };

  return (
    <div
      ref={list}
      className="pd-checklist"
      role="listbox"
      tabIndex={0}
      aria-label={t('appUi.checklist.label')}
      aria-activedescendant={materials.length ? checklistId(selected) : undefined}
      onKeyDown={onKeyDown}
      data-testid="material-checklist"
    >
      <div className="pd-checklist-head" aria-hidden>
        <span>#</span>
        <span>{t('appUi.checklist.name')}</span>
        <span>{t('appUi.checklist.form')}</span>
        <span>{t('appUi.checklist.copies')}</span>
        <span>{t('appUi.checklist.kind')}</span>
        <span>{t('appUi.checklist.pages')}</span>
        <span>{t('appUi.checklist.state')}</span>
      </div>
      {materials.map((m, i) => {
        const blank = m.pages.filter((p) => p.blank).length;
        return (
          <div
            key={m.id}
            id={checklistId(i)}
            role="option"
            aria-selected={i === selected}
            className="pd-material"
            onClick={() => {
              onSelect(i);
              list.current?.focus({ preventScroll: true });
            }}
            data-testid="material-row"
            data-state={m.state}
          >
            <span>{m.position}</span>
            <div style={{ minWidth: 0 }}>
              <div className="pd-material-name">{m.name}</div>
              {m.state === 'defective' && m.defect && (
                <div className="pd-material-note" style={{ color: '#d46b08' }} data-testid="material-defect">
                  {t('appUi.checklist.defect', { defect: m.defect })}
                </div>
              )}
              {m.dueDate && (
                <div className="pd-material-note" style={{ color: '#d46b08' }}>
                  {t('appUi.checklist.dueBy', { date: formatChineseDate(m.dueDate) })}
                </div>
              )}
              {m.handedOverTo && (
                <div className="pd-material-note">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('appUi.checklist.handedOver', { department: m.handedOverTo })}
                  </Typography.Text>
                </div>
              )}
            </div>
            <span>{t(`appUi.form.${m.form}`)}</span>
            <span>{t('appUi.checklist.copiesN', { n: m.copies })}</span>
            <span>
              {m.required ? (
                <Tag color="red" style={{ marginInlineEnd: 2 }}>
                  {t('appUi.checklist.required')}
                </Tag>
              ) : (
                <Tag style={{ marginInlineEnd: 2 }}>{t('appUi.checklist.optional')}</Tag>
              )}
              {m.deferrable && (
                <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
                  {t('appUi.checklist.deferrable')}
                </Tag>
              )}
            </span>
            <span style={{ whiteSpace: 'nowrap' }} title={blank ? t('appUi.pages.blankCount', { n: blank }) : undefined}>
              {m.pages.length}
              {blank > 0 && <span style={{ color: '#d46b08' }}> ⚠</span>}
            </span>
            <MaterialStateTag state={m.state} />
          </div>
        );
      })}
    </div>
  );
}
