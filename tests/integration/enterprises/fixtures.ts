import { usccCheckChar } from '@shared/enterprise/uscc';

/** A valid USCC (GB 32100 checksum) for test company n, registered in 330106. */
export function uscc(n: number): string {
  const body = `91330106MA2${String(n).padStart(6, '0')}`;
  return body + usccCheckChar(body);
}

/** The same with the check character wrong. */
export function badUscc(n: number): string {
  const good = uscc(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}

export const HEADER = [
  '统一社会信用代码', '企业名称', '法定代表人', '行政区划代码', '行业代码', '成立日期', '注册资本（万元）', '从业人员',
  '营业收入（万元）', '资产总额（万元）', '研发费用（万元）', '纳税额（万元）', '联系人', '联系电话',
  '高新技术企业证书有效期至', '专精特新有效期至', '科技型中小企业入库年度',
];

export type Row = Partial<Record<(typeof HEADER)[number], string | number | Date>>;

const quote = (v: unknown) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csv(rows: Row[], header: readonly string[] = HEADER): string {
  return [header.join(','), ...rows.map((r) => header.map((h) => quote(r[h])).join(','))].join('\r\n') + '\r\n';
}

export const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** GBK bytes, by inverting the platform's GBK decoder over the two-byte space (tests only). */
export function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** Four good companies of different kinds. */
export const GOOD: Row[] = [
  {
    统一社会信用代码: uscc(1), 企业名称: '杭州云栖智能科技有限公司', 法定代表人: '王云', 行政区划代码: '330106', 行业代码: 'I6513',
    成立日期: '2019-05-20', '注册资本（万元）': '1,000', 从业人员: '85', '营业收入（万元）': '4200', '资产总额（万元）': '3000',
    '研发费用（万元）': '520', '纳税额（万元）': '180', 联系人: '李明', 联系电话: '13800001111',
    高新技术企业证书有效期至: '2027-12-31', 专精特新有效期至: '', 科技型中小企业入库年度: '2026',
  },
  {
    统一社会信用代码: uscc(2), 企业名称: '杭州西湖精密机械制造有限公司', 法定代表人: '赵刚', 行政区划代码: '330106', 行业代码: 'C3411',
    成立日期: '2010/3/8', '注册资本（万元）': '3000', 从业人员: '320', '营业收入（万元）': '2000', '资产总额（万元）': '6000',
    '研发费用（万元）': '50', '纳税额（万元）': '90', 联系人: '钱芳', 联系电话: '0571-88886666',
    高新技术企业证书有效期至: '', 专精特新有效期至: '2026年12月31日', 科技型中小企业入库年度: '',
  },
  {
    统一社会信用代码: uscc(3), 企业名称: '浙江之江生物医药有限公司（滨江,研发中心）', 法定代表人: '孙丽', 行政区划代码: '330108', 行业代码: 'C2761',
    成立日期: '2024-06-01', '注册资本（万元）': '', 从业人员: '', '营业收入（万元）': '800', '资产总额（万元）': '',
    '研发费用（万元）': '', '纳税额（万元）': '', 联系人: '', 联系电话: '',
    高新技术企业证书有效期至: '', 专精特新有效期至: '', 科技型中小企业入库年度: '',
  },
  {
    统一社会信用代码: uscc(4), 企业名称: '杭州“小城”餐饮管理有限公司', 法定代表人: '周洁', 行政区划代码: '330102', 行业代码: 'H6210',
    成立日期: '20150101', '注册资本（万元）': '50', 从业人员: '8', '营业收入（万元）': '260', '资产总额（万元）': '120',
    '研发费用（万元）': '0', '纳税额（万元）': '12', 联系人: '周洁', 联系电话: '13900002222',
    高新技术企业证书有效期至: '', 专精特新有效期至: '', 科技型中小企业入库年度: '',
  },
];
