import { useEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, App, Button, Flex, InputNumber, Modal, Radio, Select, Spin, Table, Typography, type RefSelectProps, type TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Role } from '@shared/accounts/roles';
import type { MethodOutput } from '@shared/api/contract';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { PAPER_KINDS } from '@shared/print/paper';
import { PRINT_DOC_TYPES, type DocPrintSetting, type PrintDocType, type PrintSettings } from '@shared/print/settings';
import { api } from '../api/client';
import { useCommandsStore, useOverlay } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { errorData } from '../common/errors';
import { submitOnCtrlEnter } from '../common/keys';
import { useReportError } from '../common/useReportError';
import { useSubmitOnce } from '../common/useSubmitOnce';

type PrinterView = MethodOutput<'printerList'>[number];

// Who may read and who may change the settings: the same roles as printSettingsGet / printSettingsSet
// in shared/api/contract.ts (the core checks every call again).
const READERS: readonly Role[] = ['counter', 'manager', 'admin'];
const EDITORS: readonly Role[] = ['admin', 'manager'];

/** The select's value for `printer: null` (a printer name is never empty). */
const NO_PRINTER = '';

/**
 * 打印设置 for a page header: the button, Alt+S, and the dialog. Nothing for those who may not
 * read the settings. The page puts `button` in its header and `modal` anywhere it stays mounted.
 */
export function usePrintSettingsDialog(): { button: ReactNode; modal: ReactNode } {
  const staff = useStaff();
  const mayRead = !!staff && can(staff.roles, ...READERS);
  const mayEdit = !!staff && can(staff.roles, ...EDITORS);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!mayRead) return;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== 'KeyS' || e.defaultPrevented) return;
      e.preventDefault();
      // another dialog or drawer keeps the keyboard until it is closed
      if (useCommandsStore.getState().overlays === 0) setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayRead]);

  if (!mayRead) return { button: null, modal: null };
  return {
    button: (
      <Button icon={<PrinterOutlined />} onClick={() => setOpen(true)}>
        {t('printUi.button')}
      </Button>
    ),
    modal: <PrintSettingsModal open={open} editable={mayEdit} onClose={() => setOpen(false)} />,
  };
}

/**
 * 打印设置 of this PC: the thermal receipt printer, and per document its printer, paper and copies.
 * Read-only (with a note saying who may change it) for those who may not save.
 */
export function PrintSettingsModal({ open, editable, onClose }: { open: boolean; editable: boolean; onClose(): void }) {
  useOverlay(open);
  return (
    <Modal open={open} title={t('printUi.title')} onCancel={onClose} footer={null} width={900} style={{ top: 24 }} destroyOnHidden>
      {open && <PrintSettingsBody editable={editable} onClose={onClose} />}
    </Modal>
  );
}

function printerLabel(p: PrinterView): string {
  if (p.state === 'stopped') return t('printUi.printerStopped', { name: p.name, reason: p.reason || t('print.reason.unknown') });
  if (p.reason) return t('printUi.printerNotReady', { name: p.name, reason: p.reason });
  if (p.isDefault) return t('printUi.printerDefaultMark', { name: p.name });
  return p.name;
}

/** The printers to offer: those of this PC, and a saved one that is not there any more (so it shows as missing). */
function printerOptions(printers: readonly PrinterView[], saved: string | null, none: string) {
  const options = [{ value: NO_PRINTER, label: none }, ...printers.map((p) => ({ value: p.name, label: printerLabel(p) }))];
  if (saved !== null && !printers.some((p) => p.name === saved)) options.push({ value: saved, label: t('printUi.printerMissing', { name: saved }) });
  return options;
}

/** The core's field errors (path `documents.<type>.<field>`) with the document they belong to. */
function problemLines(data: AppErrorData): string[] {
  if (!data.fields?.length) return [data.message];
  return data.fields.map((f) => {
    const type = PRINT_DOC_TYPES.find((d) => f.path.startsWith(`documents.${d}.`));
    return type ? t('printUi.fieldProblem', { doc: t(`print.doc.${type}`), message: f.message }) : f.message;
  });
}

function PrintSettingsBody({ editable, onClose }: { editable: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const report = useReportError();
  const { busy, run } = useSubmitOnce();
  const [settings, setSettings] = useState<PrintSettings | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  // null while asking CUPS; [] with a problem when it could not be asked
  const [printers, setPrinters] = useState<PrinterView[] | null>(null);
  const [printersProblem, setPrintersProblem] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const first = useRef<RefSelectProps>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    api.printSettingsGet({}).then(
      (s) => live && setSettings(s),
      (e) => live && setLoadProblem(report(e).message),
    );
    api.printerList({}).then(
      (p) => live && setPrinters(p),
      (e) => {
        if (!live) return;
        setPrinters([]);
        setPrintersProblem(errorData(e).message);
      },
    );
    return () => {
      live = false;
    };
  }, [report]);

  // the first field (or, read-only, the close button) takes the cursor once the settings are there
  const loaded = settings !== null;
  useEffect(() => {
    if (!loaded) return;
    const timer = setTimeout(() => (editable ? first.current?.focus() : closeButton.current?.focus()));
    return () => clearTimeout(timer);
  }, [loaded, editable]);

  const setDoc = (type: PrintDocType, change: Partial<DocPrintSetting>) =>
    setSettings((s) => (s ? { ...s, documents: { ...s.documents, [type]: { ...s.documents[type], ...change } } } : s));

  const save = () =>
    run(async () => {
      if (!settings || !editable) return;
      setProblems([]);
      try {
        await api.printSettingsSet(settings);
        void message.success(t('printUi.saved'));
        onClose();
        return 'closed';
      } catch (e) {
        const data = errorData(e);
        if (data.code === 'UNAUTHENTICATED') report(e);
        else setProblems(problemLines(data));
      }
    });

  if (loadProblem) {
    return (
      <>
        <Alert type="error" showIcon role="alert" title={loadProblem} />
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Flex>
      </>
    );
  }
  if (!settings) return <Spin style={{ display: 'block', margin: '48px auto' }} />;

  const list = printers ?? [];
  const systemDefault = list.find((p) => p.isDefault);
  const thermal = settings.thermalPrinter;

  // documents that would not print as set: said once above the table, marked on their rows
  const needsThermal = (doc: DocPrintSetting) => doc.printer === null && doc.paper === 'thermal-80' && thermal === null;
  // CUPS names its default; with no printer at all the other alert says so already
  const noDefault = !!printers && !printersProblem && list.length > 0 && !systemDefault;
  const needsDefault = (doc: DocPrintSetting) => doc.printer === null && doc.paper === 'A4' && noDefault;
  const docNames = (test: (doc: DocPrintSetting) => boolean) =>
    PRINT_DOC_TYPES.filter((type) => test(settings.documents[type]))
      .map((type) => t(`print.doc.${type}`))
      .join('、');
  const thermalMissingFor = docNames(needsThermal);
  const defaultMissingFor = docNames(needsDefault);

  const columns: TableColumnsType<PrintDocType> = [
    { title: t('printUi.col.doc'), key: 'doc', width: 170, render: (_, type) => t(`print.doc.${type}`) },
    {
      title: t('printUi.col.printer'),
      key: 'printer',
      render: (_, type) => {
        const doc = settings.documents[type];
        const none =
          doc.paper === 'thermal-80'
            ? thermal === null
              ? t('printUi.thermalDefaultUnset')
              : t('printUi.thermalDefault', { name: thermal })
            : systemDefault
              ? t('printUi.systemDefaultNamed', { name: systemDefault.name })
              : t('printUi.systemDefault');
        return (
          <Select
              value={doc.printer ?? NO_PRINTER}
              options={printerOptions(list, doc.printer, none)}
              onChange={(v: string) => setDoc(type, { printer: v === NO_PRINTER ? null : v })}
              disabled={!editable}
              loading={printers === null}
              aria-label={t('printUi.printerFor', { doc: t(`print.doc.${type}`) })}
              status={needsThermal(doc) || needsDefault(doc) ? 'warning' : undefined}
              size="small"
              style={{ width: '100%' }}
            />
        );
      },
    },
    {
      title: t('printUi.col.paper'),
      key: 'paper',
      width: 220,
      render: (_, type) => (
        <Radio.Group
          optionType="button"
          value={settings.documents[type].paper}
          options={PAPER_KINDS.map((k) => ({ value: k, label: t(`print.paper.${k}`) }))}
          onChange={(e) => setDoc(type, { paper: e.target.value })}
          disabled={!editable}
          size="small"
          aria-label={t('printUi.paperFor', { doc: t(`print.doc.${type}`) })}
        />
      ),
    },
    {
      title: t('printUi.col.copies'),
      key: 'copies',
      width: 110,
      render: (_, type) => (
        <InputNumber
          min={1}
          max={9}
          precision={0}
          value={settings.documents[type].copies}
          // an emptied field keeps the last number
          onChange={(v) => typeof v === 'number' && setDoc(type, { copies: v })}
          disabled={!editable}
          suffix={t('printUi.copiesUnit')}
          size="small"
          aria-label={t('printUi.copiesFor', { doc: t(`print.doc.${type}`) })}
          style={{ width: 90 }}
        />
      ),
    },
  ];

  return (
    <div data-testid="print-settings" onKeyDown={editable ? submitOnCtrlEnter(() => void save()) : undefined}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('printUi.explain')}
      </Typography.Paragraph>
      {!editable && <Alert type="info" showIcon title={t('printUi.readOnly')} style={{ marginBottom: 12 }} />}
      {printersProblem && <Alert type="warning" showIcon role="alert" title={t('printUi.printersUnavailable', { reason: printersProblem })} style={{ marginBottom: 12 }} />}
      {printers && !printersProblem && printers.length === 0 && <Alert type="warning" showIcon title={t('printUi.noPrinters')} style={{ marginBottom: 12 }} />}
      <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('printUi.thermalPrinter')}</Typography.Text>
        <Select
          ref={first}
          value={thermal ?? NO_PRINTER}
          options={printerOptions(list, thermal, t('printUi.thermalNotSet'))}
          onChange={(v: string) => setSettings({ ...settings, thermalPrinter: v === NO_PRINTER ? null : v })}
          disabled={!editable}
          loading={printers === null}
          aria-label={t('printUi.thermalPrinter')}
          style={{ width: 300 }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12, flex: 1 }}>
          {t('printUi.thermalHelp')}
        </Typography.Text>
      </Flex>
      {thermalMissingFor && <Alert type="warning" showIcon title={t('printUi.needThermal', { docs: thermalMissingFor })} style={{ marginBottom: 8 }} />}
      {defaultMissingFor && <Alert type="warning" showIcon title={t('printUi.needDefault', { docs: defaultMissingFor })} style={{ marginBottom: 8 }} />}
      <Table<PrintDocType>
        size="small"
        rowKey={(type) => type}
        tableLayout="fixed"
        columns={columns}
        dataSource={[...PRINT_DOC_TYPES]}
        pagination={false}
        onRow={(type) => ({ 'data-testid': `print-row-${type}` }) as HTMLAttributes<HTMLElement>}
      />
      {problems.length > 0 && <Alert type="error" showIcon role="alert" title={problems.join(' ')} style={{ marginTop: 12 }} />}
      <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
        {editable ? (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void save()}>
              {t('printUi.save')}
            </Button>
          </>
        ) : (
          <Button ref={closeButton} onClick={onClose}>
            {t('common.close')}
          </Button>
        )}
      </Flex>
    </div>
  );
}
