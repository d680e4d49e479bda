import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, InboxOutlined, SendOutlined, TrophyOutlined } from '@ant-design/icons';
import type { ApplicationDetail, ApplicationState, IssuedDocument, MaterialView } from '@shared/applications/schemas';
import { allowed } from '@shared/applications/workflow';
import type { MethodOutput } from '@shared/api/contract';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useCommandsStore } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { chineseDateTime } from '../common/format';
import { isTyping } from '../common/keys';
import { PdfPreviewModal } from '../common/PdfPreviewModal';
import { useReportError } from '../common/useReportError';
import { CameraModal } from './CameraModal';
import { CasePanel } from './CasePanel';
import { DecisionPanel } from './DecisionPanel';
import { DefectModal } from './DefectModal';
import { DeliverModal } from './DeliverModal';
import { DocumentPreviewModal } from './DocumentPreviewModal';
import { DocumentsList } from './DocumentsList';
import { EventTimeline } from './EventTimeline';
import { ExtendModal } from './ExtendModal';
import { HotFolderModal } from './HotFolderModal';
import { MaterialChecklist, type ChecklistKey } from './MaterialChecklist';
import { MaterialPagesPanel } from './MaterialPagesPanel';
import { addFiles, type RefusedFile } from './page-intake';
import { ScanModal } from './ScanModal';
import { ApplicationStateTag } from './StateTag';
import { useHotFolder } from './useHotFolder';
import { newestDocument, WorkspaceContext, type Workspace } from './workspace-context';

type TabKey = 'materials' | 'progress' | 'documents' | 'events';
type FileOutput = MethodOutput<'materialPdf'>;

const defaultTab = (s: ApplicationState): TabKey =>
  s === 'receiving' || s === 'correction' ? 'materials' : s === 'accepted' || s === 'routed' ? 'progress' : 'documents';

/** Files the scanner, camera or copier make; the core says which it cannot read. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,application/pdf,image/jpeg,image/png,image/tiff';

/**
 * 受理工作台 for one application: the checklist marked by keyboard, each material's pages (file,
 * drop, scanner, 高拍仪, hot folder), the decision and its document, then 流转, the deadline clock,
 * 延期, 结果送达, the documents and the history. Esc goes back to the list.
 */
export function ApplicationWorkspace({ application, replace, onBack }: { application: ApplicationDetail; replace(a: ApplicationDetail): void; onBack(): void }) {
  const staff = useStaff();
  const report = useReportError();
  const { message } = App.useApp();
  const mayAct = !!staff && can(staff.roles, 'counter', 'manager');
  const mayExtend = !!staff && can(staff.roles, 'counter', 'manager', 'business');
  const editable = mayAct && allowed('editChecklist', application.state);

  const [tab, setTab] = useState<TabKey>(defaultTab(application.state));
  const [selected, setSelected] = useState(0);
  const [focusTick, setFocusTick] = useState(0);
  const [defectFor, setDefectFor] = useState<MaterialView | null>(null);
  const [scanFor, setScanFor] = useState<MaterialView | null>(null);
  const [cameraFor, setCameraFor] = useState<MaterialView | null>(null);
  const [hotFor, setHotFor] = useState<MaterialView | null>(null);
  const [pdf, setPdf] = useState<{ file: FileOutput; name: string } | null>(null);
  const [doc, setDoc] = useState<IssuedDocument | null>(null);
  const [extendOpen, setExtendOpen] = useState(false);
  const [deliverOpen, setDeliverOpen] = useState(false);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const [importing, setImporting] = useState(false);
  const [stepping, setStepping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const importTarget = useRef<MaterialView | null>(null);

  // a new state shows the tab where the next step is
  const state = application.state;
  useEffect(() => setTab(defaultTab(state)), [state]);
  useEffect(() => {
    if (state === 'receiving') setFocusTick((n) => n + 1);
  }, [state]);

  const materials = application.materials;
  const current = materials[Math.min(selected, materials.length - 1)] ?? null;
  useEffect(() => setRefused([]), [current?.id]);

  const workspace: Workspace = useMemo(() => ({ application, replace, mayAct, mayExtend, openDocument: setDoc }), [application, replace, mayAct, mayExtend]);

  // Esc: back to the list (dialogs and drawers take their own Esc first)
  useEffect(() => {
    // whether a dialog was open when the key went down (it may have closed itself by the time the
    // key reaches the window)
    let overlayWasOpen = false;
    const before = (e: KeyboardEvent) => {
      if (e.key === 'Escape') overlayWasOpen = useCommandsStore.getState().overlays > 0;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || overlayWasOpen || isTyping(e.target)) return;
      e.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', before, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', before, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [onBack]);

  const hot = useHotFolder(application, mayAct, replace);

  const mark = async (m: MaterialView, to: 'present' | 'missing' | 'defective', defect = '') => {
    try {
      replace(await api.applicationMaterialMark({ applicationId: application.id, materialId: m.id, state: to, defect }));
      // on to the next material: a checklist is marked from top to bottom
      if (to !== 'defective') setSelected((i) => Math.min(materials.length - 1, i + 1));
      return true;
    } catch (e) {
      report(e);
      return false;
    }
  };

  const viewPdf = async (m: MaterialView) => {
    if (m.pages.length === 0) return void message.info(t('appUi.pages.noPdf', { name: m.name }));
    try {
      setPdf({ file: await api.materialPdf({ applicationId: application.id, materialId: m.id }), name: m.name });
    } catch (e) {
      report(e);
    }
  };

  const importFiles = async (m: MaterialView, files: File[]) => {
    setImporting(true);
    setRefused([]);
    try {
      const out = await addFiles(application.id, m.id, files, 'file');
      if (out.application) replace(out.application);
      setRefused(out.refused);
      const added = files.length - out.refused.length;
      if (added > 0) void message.success(t('appUi.pages.added', { n: added, name: m.name }));
    } catch (e) {
      report(e);
    } finally {
      setImporting(false);
    }
  };

  const intake = (how: ChecklistKey, m: MaterialView) => {
    switch (how) {
      case 'present':
      case 'missing':
        if (editable) void mark(m, how);
        return;
      case 'defective':
        if (editable) setDefectFor(m);
        return;
      case 'pdf':
        void viewPdf(m);
        return;
    }
    if (!editable) return;
    if (how === 'import') {
      importTarget.current = m;
      fileInput.current?.click();
    } else if (how === 'scan') setScanFor(m);
    else if (how === 'camera') setCameraFor(m);
    else if (how === 'hotFolder') setHotFor(m);
  };

  const step = useCallback(
    async (work: () => Promise<ApplicationDetail>, then?: (after: ApplicationDetail) => void) => {
      setStepping(true);
      try {
        const after = await work();
        replace(after);
        then?.(after);
      } catch (e) {
        report(e);
      } finally {
        setStepping(false);
      }
    },
    [replace, report],
  );
  const supplement = () =>
    void step(
      () => api.applicationSupplement({ id: application.id }),
      () => {
        setSelected(0);
        setTab('materials');
      },
    );
  const route = () => void step(() => api.applicationRoute({ id: application.id }), (after) => setDoc(newestDocument(after, 'handover')));

  const nextStep = !mayAct ? null : state === 'correction' ? (
    <Button type="primary" icon={<InboxOutlined />} loading={stepping} onClick={supplement} data-testid="supplement">
      {t('appUi.step.supplement')}
    </Button>
  ) : state === 'accepted' ? (
    <Button type="primary" icon={<SendOutlined />} loading={stepping} onClick={route} data-testid="route">
      {t('appUi.step.route', { department: application.department })}
    </Button>
  ) : state === 'routed' ? (
    <Button type="primary" icon={<TrophyOutlined />} onClick={() => setDeliverOpen(true)} data-testid="deliver">
      {t('appUi.step.deliver')}
    </Button>
  ) : null;

  const materialsTab = (
    <Flex gap={12} align="start">
      <Flex vertical gap={8} style={{ flex: '1 1 0', minWidth: 0 }}>
        {state === 'correction' && (
          <Alert
            type="warning"
            showIcon
            title={t('appUi.case.correctionTitle')}
            description={t('appUi.case.correctionHint')}
            action={nextStep}
            data-testid="correction-alert"
          />
        )}
        <MaterialChecklist materials={materials} selected={Math.min(selected, materials.length - 1)} onSelect={setSelected} onKey={(k, m) => intake(k, m)} focusKey={focusTick} />
        {editable && <div className="pd-keys">{t('appUi.checklist.keys')}</div>}
        {editable && <DecisionPanel onDecided={(after, d) => setDoc(newestDocument(after, d === 'correction' ? 'correction' : d === 'refuse' ? 'refusal' : 'acceptance'))} />}
      </Flex>
      <div style={{ width: 500, flex: 'none' }}>
        {current && (
          <MaterialPagesPanel
            material={current}
            editable={editable}
            busy={importing}
            refused={refused}
            onClearRefused={() => setRefused([])}
            onDropFiles={(files) => void importFiles(current, files)}
            onIntake={(how) => intake(how, current)}
          />
        )}
        {hot.armedHere && hot.status?.armedFor && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="hot-folder-armed"
            title={t('appUi.hot.armedBar', { name: hot.status.armedFor.materialName, n: hot.status.taken })}
            action={
              <Button size="small" onClick={() => void hot.arm(null)}>
                {t('appUi.hot.stop')}
              </Button>
            }
          />
        )}
      </div>
    </Flex>
  );

  return (
    <WorkspaceContext.Provider value={workspace}>
      <div data-testid="application-workspace" style={{ background: '#fff', borderRadius: 6, padding: '10px 14px 4px' }}>
        <Flex justify="space-between" align="center" gap={12}>
          <Flex align="center" gap={10} style={{ minWidth: 0 }}>
            <Button icon={<ArrowLeftOutlined />} onClick={onBack} aria-label={t('appUi.back')}>
              {t('appUi.back')}
            </Button>
            <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 15 }} data-testid="case-no">
              {application.caseNo}
            </Typography.Text>
            <ApplicationStateTag state={state} />
            <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }} data-testid="workspace-enterprise">
              {application.enterpriseName}
            </Typography.Text>
          </Flex>
          {nextStep && state !== 'correction' && nextStep}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }} ellipsis>
          {[
            application.itemName,
            application.department,
            t('appUi.promised', { n: application.item.promisedDays }),
            t(`delivery.${application.item.deliveryMode}`),
            t('appUi.contact', { name: application.contactName, phone: application.contactPhone }),
            t('appUi.queryCode', { code: application.queryCode }),
            t('appUi.receivedBy', { at: chineseDateTime(application.createdAt), clerk: application.clerkName }),
          ].join(t('common.separator'))}
        </Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          size="small"
          items={[
            { key: 'materials', label: t('appUi.tab.materials'), children: materialsTab },
            {
              key: 'progress',
              label: t('appUi.tab.progress'),
              children: (
                <Flex gap={12} align="start">
                  <div style={{ flex: '1 1 0', minWidth: 0 }}>
                    <CasePanel onExtend={mayExtend && allowed('extend', state) ? () => setExtendOpen(true) : null} />
                  </div>
                  <Card size="small" title={t('appUi.tab.eventsTitle')} style={{ width: 440, flex: 'none' }} styles={{ body: { maxHeight: 'calc(100vh - 300px)', overflow: 'auto', paddingBottom: 0 } }}>
                    <EventTimeline events={application.events} />
                  </Card>
                </Flex>
              ),
            },
            { key: 'documents', label: t('appUi.tab.documents', { n: application.documents.length }), children: <DocumentsList /> },
            { key: 'events', label: t('appUi.tab.events', { n: application.events.length }), children: <EventTimeline events={application.events} /> },
          ]}
        />
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        accept={ACCEPT}
        style={{ display: 'none' }}
        data-testid="page-file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          const m = importTarget.current ?? current;
          importTarget.current = null;
          if (files.length && m) void importFiles(m, files);
        }}
      />
      <DefectModal
        material={defectFor}
        onCancel={() => setDefectFor(null)}
        onSave={async (defect) => {
          if (defectFor && (await mark(defectFor, 'defective', defect))) setDefectFor(null);
        }}
      />
      <ScanModal material={scanFor} onClose={() => setScanFor(null)} />
      <CameraModal material={cameraFor} onClose={() => setCameraFor(null)} />
      <HotFolderModal material={hotFor} status={hot.status} error={hot.error} onArm={hot.arm} onClose={() => setHotFor(null)} />
      <PdfPreviewModal file={pdf?.file ?? null} title={pdf ? t('appUi.pages.pdfTitle', { name: pdf.name, caseNo: application.caseNo }) : ''} onClose={() => setPdf(null)} />
      <DocumentPreviewModal doc={doc} onClose={() => setDoc(null)} />
      <ExtendModal open={extendOpen} onClose={() => setExtendOpen(false)} />
      <DeliverModal
        open={deliverOpen}
        onClose={() => setDeliverOpen(false)}
        onDelivered={(after) => {
          setDeliverOpen(false);
          setDoc(newestDocument(after, 'delivery'));
        }}
      />
    </WorkspaceContext.Provider>
  );
}
