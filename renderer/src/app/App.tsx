import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { Boot } from './Boot';
import { theme } from './theme';

/** Root: antd in Chinese with the workstation's theme; Boot decides which screen shows. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }} wave={{ disabled: true }}>
      <AntApp>
        <Boot />
      </AntApp>
    </ConfigProvider>
  );
}
