import { Modal, Table } from 'antd';
import { t, type MessageKey } from '@shared/i18n';
import { useCommandsStore, useOverlay } from './commands-store';

/** F1: every key the workstation knows, in the catalogue's words. */
const SHORTCUTS: { keys: MessageKey; what: MessageKey }[] = [
  { keys: 'shortcuts.keys.new', what: 'shortcuts.new' },
  { keys: 'shortcuts.keys.save', what: 'shortcuts.save' },
  { keys: 'shortcuts.keys.cancel', what: 'shortcuts.cancel' },
  { keys: 'shortcuts.keys.search', what: 'shortcuts.search' },
  { keys: 'shortcuts.keys.nav', what: 'shortcuts.nav' },
  { keys: 'shortcuts.keys.returnCall', what: 'shortcuts.returnCall' },
  { keys: 'shortcuts.keys.results', what: 'shortcuts.results' },
  { keys: 'shortcuts.keys.policyLink', what: 'shortcuts.policyLink' },
  { keys: 'shortcuts.keys.copyKeyPoints', what: 'shortcuts.copyKeyPoints' },
  { keys: 'shortcuts.keys.match', what: 'shortcuts.match' },
  { keys: 'shortcuts.keys.appChecklist', what: 'shortcuts.appChecklist' },
  { keys: 'shortcuts.keys.appPages', what: 'shortcuts.appPages' },
  { keys: 'shortcuts.keys.appPageOps', what: 'shortcuts.appPageOps' },
  { keys: 'shortcuts.keys.appBack', what: 'shortcuts.appBack' },
  { keys: 'printUi.shortcutKeys', what: 'printUi.shortcut' },
  { keys: 'shortcuts.keys.bo', what: 'shortcuts.bo' },
  { keys: 'shortcuts.keys.sync', what: 'shortcuts.sync' },
  { keys: 'shortcuts.keys.tab', what: 'shortcuts.tab' },
  { keys: 'shortcuts.keys.help', what: 'shortcuts.help' },
];

export function ShortcutsModal() {
  const { shortcutsOpen, setShortcutsOpen } = useCommandsStore();
  useOverlay(shortcutsOpen);
  return (
    <Modal
      title={t('shortcuts.title')}
      open={shortcutsOpen}
      onCancel={() => setShortcutsOpen(false)}
      footer={null}
      width={560}
      destroyOnHidden
    >
      <Table
        size="small"
        pagination={false}
        rowKey="what"
        dataSource={SHORTCUTS}
        columns={[
          { title: t('shortcuts.col.keys'), dataIndex: 'keys', width: 190, render: (k: MessageKey) => <kbd>{t(k)}</kbd> },
          { title: t('shortcuts.col.action'), dataIndex: 'what', render: (k: MessageKey) => t(k) },
        ]}
      />
    </Modal>
  );
}
