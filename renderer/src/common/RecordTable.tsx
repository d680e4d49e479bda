import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { focusableRows } from './focusableRows';

/**
 * The lists of the workbench (consultations, calls, tickets, applications): small rows, fixed
 * layout, 50 a page once long, and keyboard-first rows — Tab or the arrows to move, Enter or a
 * click opens (`onRow` may add selection on top of that).
 */
export function RecordTable<T extends { id: string }>(props: {
  items: readonly T[];
  columns: TableColumnsType<T>;
  loading: boolean;
  empty: string;
  testId: string;
  onOpen(row: T): void;
  /** extra row attributes over the focusable ones */
  onRow?: (row: T, base: HTMLAttributes<HTMLElement>) => HTMLAttributes<HTMLElement>;
  select?: (row: T) => void;
}) {
  const rows = focusableRows<T>({ open: props.onOpen, select: props.select });
  return (
    <Table<T>
      size="small"
      rowKey="id"
      tableLayout="fixed"
      columns={props.columns}
      dataSource={props.items as T[]}
      loading={props.loading}
      pagination={props.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      locale={{ emptyText: props.empty }}
      onRow={props.onRow ? (row) => props.onRow!(row, rows(row)) : rows}
      data-testid={props.testId}
    />
  );
}
