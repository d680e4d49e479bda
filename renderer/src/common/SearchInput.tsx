import type { Ref } from 'react';
import { Input, type InputProps, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

/**
 * The search box of the lists and pickers: a magnifier, a clear button, its name for screen
 * readers and tests (`label`), and the text as a string. Everything else (role, keys, size) is
 * Input's own, passed through.
 */
export function SearchInput({ label, onText, ref, ...rest }: Omit<InputProps, 'onChange' | 'aria-label'> & { label: string; onText: (text: string) => void; ref?: Ref<InputRef> }) {
  return <Input ref={ref} allowClear prefix={<SearchOutlined />} aria-label={label} onChange={(e) => onText(e.target.value)} {...rest} />;
}
