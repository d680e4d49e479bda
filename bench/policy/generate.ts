// The benchmark's data: 20,000 policies with 100,000 items and 500,000 enterprises, generated from a
// seeded PRNG (the same bytes on every machine) into a SQLite file under bench/.data/, which is
// reused while the generator version and the migrations are unchanged.
//
// Policies go through the app's own write path (upsertPolicies: the same rows and both search
// indexes an import writes). Enterprises are bulk-inserted with plain SQL for speed, following the
// column rules documented in electron/core/enterprises/enterprise-store.ts (name as is into
// enterprise_search, toBigramText(name) into enterprise_search_short, rowid = enterprises.rowid;
// both tables are contentless, so these are plain INSERTs of new rows, which is all they take here).

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { upsertPolicies } from '../../electron/core/policies/policy-store';
import { usccCheckChar, USCC_ALPHABET } from '../../shared/enterprise/uscc';
import type { Condition } from '../../shared/matching/conditions';
import type { Policy, PolicyItem } from '../../shared/policies/schemas';
import { toBigramText } from '../../shared/search/bigrams';
import { Rng } from './prng';
import * as V from './vocab';

/** Bump when the generated data changes: an old file is then rebuilt. */
export const GENERATOR_VERSION = 1;
export const SIZES = { policies: 20_000, items: 100_000, enterprises: 500_000 } as const;
/** The benchmark's "today" (China time). */
export const TODAY = '2026-11-27';
const SEED = 20261127;

export const DATA_DIR = path.resolve(import.meta.dirname, '../.data');
export const DB_FILE = path.join(DATA_DIR, 'policy.sqlite');
const META_FILE = path.join(DATA_DIR, 'policy.meta.json');

/** The schema the file was made with: a hash of every migration's SQL (an edited migration counts). */
export const SCHEMA_HASH = createHash('sha256').update(MIGRATIONS.map((m) => m.sql).join('\n')).digest('hex').slice(0, 16);

export interface DataMeta {
  generator: number;
  schema: string;
  policies: number;
  items: number;
  enterprises: number;
  generateSeconds: number;
  /** what the query sets draw on: real doc numbers, USCCs and names from the data */
  samples: { docNos: string[]; usccs: string[]; names: string[]; departments: string[] };
}

// ---------------------------------------------------------------- dates

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
function dayToIso(day: number): string {
  const d = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
const isoToDay = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2000, 0, 1)) / 86_400_000);
const TODAY_DAY = isoToDay(TODAY);

// ---------------------------------------------------------------- policies

interface Place {
  name: string;
  short: string;
  code: string;
  abbr: string;
}

function placeFor(rng: Rng, level: Policy['level']): Place {
  if (level === 'national') return { name: '', short: '', code: '', abbr: '' };
  if (level === 'province') return { name: '浙江省', short: '浙江', code: '33', abbr: '浙' };
  if (level === 'city') {
    const c = rng.weighted(V.CITIES.map((x, i) => [x, i === 0 ? 6 : 1] as const));
    return { name: c.name, short: c.short, code: c.code, abbr: c.abbr };
  }
  const d = rng.pick(V.DISTRICTS);
  return { name: `${d.city}${d.name}`, short: d.short, code: d.code, abbr: d.short.slice(0, 1) };
}

function issuerAndDocNo(rng: Rng, level: Policy['level'], place: Place, year: number): { issuer: string; docNo: string } {
  const n = rng.int(1, 180);
  if (level === 'national') {
    const [issuer, abbr] = rng.pick(V.NATIONAL_ISSUERS);
    return { issuer, docNo: abbr.endsWith('公告') ? `${abbr}${year}年第${n}号` : `${abbr}〔${year}〕${n}号` };
  }
  if (level === 'province') {
    const [issuer, abbr] = rng.pick(V.PROVINCE_ISSUERS);
    return { issuer, docNo: `${abbr}〔${year}〕${n}号` };
  }
  const [body, abbr] = rng.pick(V.LOCAL_BODIES);
  return { issuer: `${place.name}${body}`, docNo: `${place.abbr}${abbr}〔${year}〕${n}号` };
}

function title(rng: Rng, category: Policy['category'], place: Place, topic: string, year: number): { title: string; kind: string } {
  const prefix = place.name ? `${place.name}` : '';
  if (category === 'relief' && rng.chance(0.5)) {
    const t = rng.pick(V.TAX_TOPICS);
    return { title: `${prefix}关于${t}有关事项的公告`, kind: '公告' };
  }
  if (rng.chance(0.25)) {
    const what = rng.pick(V.NOTICE_TOPICS);
    return { title: `${prefix}关于做好${year}年度${topic}${what}工作的通知`, kind: '通知' };
  }
  const kind = rng.pick(V.TITLE_KINDS);
  const industry = /产业|经济|企业|贸易|服务|就业|创新|引进|知识产权|融资/.test(topic) ? topic : `${topic}产业`;
  return { title: `${prefix}关于${rng.pick(V.TITLE_VERBS)}${industry}${rng.pick(V.TITLE_GOALS)}的${kind}`, kind };
}

function amountWords(rng: Rng): { amount: string; amountMax: number | null } {
  const max = rng.pick([5, 10, 20, 30, 50, 100, 200, 300, 500, 1000]);
  switch (rng.int(0, 3)) {
    case 0: return { amount: `最高${max}万元`, amountMax: max };
    case 1: return { amount: `按${rng.pick(V.BASES)}的${rng.pick([5, 10, 20, 30, 50])}%给予补助，最高${max}万元`, amountMax: max };
    case 2: return { amount: `一次性奖励${max}万元`, amountMax: max };
    default: return { amount: '', amountMax: null };
  }
}

function condition(rng: Rng, place: Place): Condition | null {
  if (rng.chance(0.15)) return null;
  const all: Condition[] = [];
  if (place.code) all.push({ field: 'regionCode', prefix: place.code });
  const pool: (() => Condition)[] = [
    () => ({ field: 'employees', op: '>=', value: rng.pick([5, 10, 20, 50, 100]) }),
    () => ({ field: 'revenue', op: '>=', value: rng.pick([100, 500, 1000, 2000, 5000]) }),
    () => ({ tag: rng.pick(['高新技术企业', '专精特新', '科技型中小企业', '规上工业企业', '小微企业', '中小企业']) }),
    () => ({ field: 'size', in: rng.pick([['small', 'micro'], ['medium', 'small', 'micro'], ['micro']]) }),
    () => ({ field: 'registrationDate', withinYears: rng.pick([3, 5, 10]) }),
    () => ({ field: 'industryCode', prefix: rng.pick([['C'], ['I65', 'I64'], ['M73', 'M75'], ['C39', 'C38'], ['F51', 'F52']]) }),
    () => ({ field: 'rndRatio', op: '>=', value: rng.pick([3, 4, 5]) }),
    () => ({ field: 'taxPaid', op: '>=', value: rng.pick([10, 50, 100, 500]) }),
    () => ({ not: { tag: '初创企业' } }),
    () => ({ any: [{ tag: '高新技术企业' }, { tag: '科技型中小企业' }] }),
  ];
  for (const f of rng.sample(pool, rng.int(1, 3))) all.push(f());
  return { all };
}

function sentence(rng: Rng, place: Place, topic: string, docShort: string): string {
  const where = place.name || '全国';
  const entity = rng.pick(V.ENTITIES);
  switch (rng.int(0, 11)) {
    case 0: return `对${rng.pick(V.QUALIFICATIONS)}的${entity}，按其${rng.pick(V.BASES)}的${rng.pick([5, 10, 15, 20, 30])}%给予补助，单个企业每年最高不超过${rng.pick([50, 100, 200, 300, 500])}万元。`;
    case 1: return `对新认定的${rng.pick(['国家高新技术企业', '专精特新“小巨人”企业', '省级专精特新中小企业', '省级企业技术中心', '市级研发中心', '科技型中小企业'])}，给予一次性奖励${rng.pick([10, 20, 30, 50, 100])}万元；重新认定的，给予${rng.pick([5, 10, 20])}万元奖励。`;
    case 2: return `对${entity}新引进的${rng.pick(V.TALENTS)}，给予每月${rng.pick([1000, 1500, 2000, 3000, 5000])}元的租房补贴，最长不超过${rng.int(2, 5)}年。`;
    case 3: return `${entity}年度${rng.pick(V.BASES)}同比增长${rng.pick([10, 15, 20, 30])}%以上的，按增量部分的${rng.pick([5, 10, 20])}%给予奖励。`;
    case 4: return `对符合条件的${entity}，免征${rng.pick(V.TAXES)}；已缴纳的，予以退还或抵减以后应缴税费。`;
    case 5: return `对参加失业保险且上年度未裁员或裁员率低于${rng.pick([3, 5, 5.5])}%的${entity}，返还其上年度实际缴纳失业保险费的${rng.pick([50, 60, 90])}%。`;
    case 6: {
      const m = rng.sample(V.MATERIALS, 3);
      return `企业申报时应提交${m[0]}、${m[1]}和${m[2]}等材料，对材料齐全、符合法定形式的，${place.code.length >= 4 ? place.name : '所在地'}${rng.pick(V.DEPARTMENTS)}应在${rng.int(3, 20)}个工作日内办结。`;
    }
    case 7: {
      const [term, def] = rng.pick(V.DEFINITIONS);
      return `本${docShort}所称${term}，是指${def}。`;
    }
    case 8: return `同一企业同一项目同时符合本${docShort}和${where}其他同类政策的，按照“从高、不重复”原则予以支持。`;
    case 9: return `支持${topic}领域${entity}开展关键核心技术攻关，对承担${rng.pick(['国家级', '省级', '市级'])}重大科技项目的，按实际到位资金给予${rng.pick([1, 2, 3])}∶1配套支持。`;
    case 10: return `鼓励金融机构为${entity}提供${rng.pick(['信用贷款', '知识产权质押贷款', '供应链融资', '首贷'])}，对其实际发生的贷款利息按贷款市场报价利率的${rng.pick([30, 50, 100])}%给予贴息。`;
    default: return `申请${rng.pick(V.ITEM_NAMES.award)}的${entity}应在${where}依法登记注册、具有独立法人资格，近三年无重大违法违规记录，且未被列入严重失信主体名单。`;
  }
}

function fullText(rng: Rng, place: Place, topic: string, kind: string, issuer: string, publish: string, expiry: string | null): string {
  const docShort = V.DOC_SHORT[kind] ?? '政策';
  const where = place.name || '全国';
  const lines = [
    `第一条 为深入贯彻落实关于${rng.pick(V.GOALS)}的决策部署，${rng.pick(V.GOALS)}，加快${topic}发展，结合${place.name ? `本${place.name.endsWith('区') ? '区' : place.name.endsWith('省') ? '省' : '市'}` : ''}实际，制定本${docShort}。`,
    `第二条 本${docShort}适用于在${where}依法登记注册、具有独立法人资格、实行独立核算的${rng.pick(V.ENTITIES)}。`,
  ];
  const n = rng.int(5, 12);
  const cn = '一二三四五六七八九';
  for (let i = 0; i < n; i++) {
    const k = i + 3;
    const no = k < 10 ? cn[k - 1] : k === 10 ? '十' : `十${cn[k - 11]}`;
    lines.push(`第${no}条 ${sentence(rng, place, topic, docShort)}${rng.chance(0.4) ? sentence(rng, place, topic, docShort) : ''}`);
  }
  lines.push(`本${docShort}由${issuer}负责解释，自${publish.slice(0, 4)}年${Number(publish.slice(5, 7))}月${Number(publish.slice(8, 10))}日起施行${expiry ? `，有效期至${expiry.slice(0, 4)}年${Number(expiry.slice(5, 7))}月${Number(expiry.slice(8, 10))}日` : ''}。`);
  return lines.join('\n');
}

function item(rng: Rng, policyId: string, k: number, category: Policy['category'], place: Place, topic: string, publishDay: number): PolicyItem {
  const base = rng.pick(V.ITEM_NAMES[category]);
  const name = category === 'award' && rng.chance(0.3) ? `${topic}企业${base}` : base;
  const deptPlace = place.code.length === 6 || place.code.length === 4 ? place.name.replace(/^.+市(.+区|.+市)$/, '$1') : rng.pick(V.DISTRICTS).name;
  let window: PolicyItem['window'] = null;
  if (!rng.chance(0.4)) {
    const start = rng.chance(0.2) ? TODAY_DAY - rng.int(0, 90) : publishDay + rng.int(0, 1500);
    window = { start: dayToIso(start), end: dayToIso(start + rng.int(30, 180)) };
  }
  const { amount, amountMax } = amountWords(rng);
  const dept = `${deptPlace}${rng.pick(V.DEPARTMENTS)}`;
  return {
    id: `${policyId}-${k + 1}`,
    name,
    department: dept,
    contactPhone: `0571-${rng.int(8000_0000, 8999_9999)}`,
    window,
    deliveryMode: rng.weighted([['instant', 5], ['no_application', 2], ['commitment', 3]] as const),
    promisedDays: rng.int(1, 20),
    amount,
    amountMax,
    conditions: condition(rng, place),
    freeConditions: rng.sample(['近三年无重大安全、环保、质量事故', '未被列入严重失信主体名单', '项目已完成验收', '依法按时足额缴纳社会保险费'], rng.int(0, 2)),
    materials: rng.sample(V.MATERIALS, rng.int(2, 5)).map((m, i) => ({ name: m, form: i === 0 ? 'copy' : rng.pick(['original', 'copy'] as const), copies: 1, required: i < 2, deferrable: i >= 2 && rng.chance(0.3), note: '' })),
    keyPoints: `${rng.pick(V.ENTITIES)}于每年${rng.int(1, 12)}月登录${rng.pick(V.PLATFORMS)}申报${name}，${dept}审核后${rng.int(5, 20)}个工作日内${rng.pick(['拨付资金', '出具结果', '完成兑现'])}。${amount ? `标准：${amount}。` : ''}`,
    needsExpertReview: rng.chance(0.1),
  };
}

function itemCounts(rng: Rng): number[] {
  const counts = Array.from({ length: SIZES.policies }, () => rng.int(2, 8));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== SIZES.items) {
    const i = rng.int(0, counts.length - 1);
    if (sum < SIZES.items && counts[i]! < 12) { counts[i]!++; sum++; }
    else if (sum > SIZES.items && counts[i]! > 1) { counts[i]!--; sum--; }
  }
  return counts;
}

export function* generatePolicies(rng: Rng): Generator<Policy> {
  const counts = itemCounts(rng);
  for (let i = 0; i < SIZES.policies; i++) {
    const id = `P${pad(i + 1, 6)}`;
    const level = rng.weighted([['national', 10], ['province', 20], ['city', 35], ['district', 35]] as const);
    const category = rng.weighted([['relief', 20], ['award', 45], ['rights', 15], ['qualification', 20]] as const);
    const status = rng.weighted([['active', 70], ['expired', 22], ['repealed', 8]] as const);
    const place = placeFor(rng, level);
    const topic = rng.pick(V.TOPICS);
    const publishDay = rng.int(isoToDay('2015-01-01'), TODAY_DAY - 20);
    const publish = dayToIso(publishDay);
    const year = Number(publish.slice(0, 4));
    const expiry = status === 'active'
      ? (rng.chance(0.3) ? null : dayToIso(Math.max(TODAY_DAY + 30, publishDay + rng.int(365 * 2, 365 * 5))))
      : status === 'expired' ? dayToIso(Math.min(TODAY_DAY - 1, publishDay + rng.int(365, 365 * 3))) : null;
    const { issuer, docNo } = issuerAndDocNo(rng, level, place, year);
    const t = title(rng, category, place, topic, year);
    const items = Array.from({ length: counts[i]! }, (_, k) => item(rng, id, k, category, place, topic, publishDay));
    yield {
      id,
      title: t.title,
      docNo: rng.chance(0.9) ? docNo : '',
      issuer,
      level,
      regionCode: place.code,
      category,
      publishDate: publish,
      expiryDate: expiry,
      status,
      fullText: fullText(rng, place, topic, t.kind, issuer, publish, expiry),
      interpretation: {
        background: `为${rng.pick(V.GOALS)}，${issuer}结合${topic}发展实际，在广泛征求意见的基础上制定本政策。`,
        scope: `适用于在${place.name || '全国'}登记注册的${rng.pick(V.ENTITIES)}${rng.chance(0.5) ? `，重点支持${topic}领域` : ''}。`,
        keyPoints: items.slice(0, 3).map((it, k) => `${'一二三'[k]}是${it.name}${it.amount ? `，${it.amount}` : ''}`).join('；') + '。',
        changes: rng.chance(0.5) ? `与原政策相比，提高了${rng.pick(V.BASES)}补助比例，简化了申报材料，实行${rng.pick(['免申即享', '即申即享', '承诺兑现'])}。` : '',
      },
      items,
    };
  }
}

// ---------------------------------------------------------------- enterprises

export interface GeneratedEnterprise {
  uscc: string;
  name: string;
  legal_rep: string;
  region_code: string;
  industry_code: string;
  registration_date: string;
  registered_capital: number;
  employees: number | null;
  revenue: number | null;
  total_assets: number | null;
  rnd_expense: number | null;
  tax_paid: number | null;
  contact_name: string;
  contact_phone: string;
  certificates: string;
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

export function* generateEnterprises(rng: Rng): Generator<GeneratedEnterprise> {
  const names = new Set<string>();
  const usccs = new Set<string>();
  const orgAlphabet = USCC_ALPHABET;
  for (let i = 0; i < SIZES.enterprises; i++) {
    const d = rng.weighted(V.DISTRICTS.map((x) => [x, x.cityShort === '杭州' ? 5 : 2] as const));
    const industry = rng.weighted(V.INDUSTRY_WORDS);
    const form = rng.weighted(V.ORG_FORMS);
    let name = '';
    for (;;) {
      const brand = rng.pick(V.NAME_CHARS) + rng.pick(V.NAME_CHARS) + (rng.chance(0.15) ? rng.pick(V.NAME_CHARS) : '');
      const placePart = rng.weighted([[`${d.cityShort}${d.short}`, 3], [d.cityShort, 4], ['浙江', 1], [`${d.cityShort}市${d.short}区`, 1]] as const);
      name = rng.chance(0.08) ? `${brand}${industry}（${d.cityShort}）${form}` : `${placePart}${brand}${industry}${form}`;
      if (!names.has(name)) break;
    }
    names.add(name);
    let uscc = '';
    do {
      let org = '';
      for (let k = 0; k < 9; k++) org += orgAlphabet[rng.int(0, orgAlphabet.length - 1)];
      const head = `${form.startsWith('合伙') ? '93' : '91'}${d.code}${org}`;
      uscc = head + usccCheckChar(head);
    } while (usccs.has(uscc));
    usccs.add(uscc);
    const codes = V.INDUSTRY_CODES.find(([w]) => industry.includes(w))?.[1] ?? ['L7211'];
    const regDay = rng.int(isoToDay('1995-01-01'), TODAY_DAY - 10);
    const employees = Math.max(1, Math.round(rng.logNormal(3, 1.3)));
    const revenue = round(employees * rng.logNormal(3.5, 0.8));
    const known = rng.chance(0.85);
    const certs: unknown[] = [];
    const tech = /科技|电子|软件|信息|半导体|光电|生物|医药|新材料|自动化|精密|检测/.test(industry);
    if (tech && rng.chance(0.18)) {
      const from = dayToIso(TODAY_DAY - rng.int(0, 1400));
      certs.push({ type: 'hnte', number: `GR${from.slice(0, 4)}33${rng.int(100000, 999999)}`, validFrom: from, validTo: dayToIso(isoToDay(from) + 3 * 365) });
    }
    if (tech && rng.chance(0.25)) certs.push({ type: 'tsme', number: `${rng.int(2020, 2026)}3301${rng.int(10000, 99999)}`, validFrom: `${TODAY.slice(0, 4)}-01-01`, validTo: `${TODAY.slice(0, 4)}-12-31` });
    if (rng.chance(0.04)) certs.push({ type: 'srdi', number: '', validFrom: dayToIso(TODAY_DAY - rng.int(0, 1000)), validTo: null });
    yield {
      uscc,
      name,
      legal_rep: rng.pick(V.SURNAMES) + rng.pick(V.GIVEN_CHARS) + (rng.chance(0.6) ? rng.pick(V.GIVEN_CHARS) : ''),
      region_code: d.code,
      industry_code: rng.pick(codes),
      registration_date: dayToIso(regDay),
      registered_capital: round(rng.logNormal(5.5, 1.4)),
      employees: known ? employees : null,
      revenue: known ? revenue : null,
      total_assets: known ? round(revenue * rng.logNormal(0, 0.5)) : null,
      rnd_expense: known && tech ? round(revenue * rng.float() * 0.08, 2) : known ? 0 : null,
      tax_paid: known ? round(revenue * rng.float() * 0.06, 2) : null,
      contact_name: rng.pick(V.SURNAMES) + rng.pick(V.GIVEN_CHARS),
      contact_phone: `1${rng.pick([3, 5, 7, 8, 9])}${rng.int(100000000, 999999999)}`,
      certificates: JSON.stringify(certs),
    };
  }
}

// ---------------------------------------------------------------- the file

function readMeta(): DataMeta | null {
  try {
    return JSON.parse(fs.readFileSync(META_FILE, 'utf8')) as DataMeta;
  } catch {
    return null;
  }
}

/** The data file, generated first when missing or made by another generator or schema version. */
export function ensureData(log: (m: string) => void): DataMeta {
  const meta = readMeta();
  if (meta && meta.generator === GENERATOR_VERSION && meta.schema === SCHEMA_HASH && fs.existsSync(DB_FILE)) {
    log(`data: reusing ${path.relative(process.cwd(), DB_FILE)} (generator v${GENERATOR_VERSION}, schema ${SCHEMA_HASH})`);
    return meta;
  }
  fs.mkdirSync(DATA_DIR, { recursive: true });
  for (const f of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, META_FILE]) fs.rmSync(f, { force: true });
  const t0 = performance.now();
  const db = new Database(DB_FILE);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  migrate(db);
  const { samples, enterprises } = fillData(db, log);
  db.pragma('journal_mode = WAL');
  db.close();
  const out: DataMeta = {
    generator: GENERATOR_VERSION, schema: SCHEMA_HASH, policies: SIZES.policies, items: SIZES.items, enterprises,
    generateSeconds: Math.round((performance.now() - t0) / 100) / 10, samples,
  };
  fs.writeFileSync(META_FILE, JSON.stringify(out, null, 1));
  log(`data: generated in ${out.generateSeconds} s`);
  return out;
}

/**
 * Writes the generated policies and enterprises into a migrated database: the first `limit` of
 * each (all by default; a smaller limit makes a small sample of the same data, e.g. to try a schema).
 */
export function fillData(
  db: Database.Database, log: (m: string) => void, limit: { policies: number; enterprises: number } = SIZES,
): { samples: DataMeta['samples']; enterprises: number } {
  const samples: DataMeta['samples'] = { docNos: [], usccs: [], names: [], departments: [] };
  const rng = new Rng(SEED);
  const at = `${TODAY}T09:00:00.000Z`;
  let batch: Policy[] = [];
  let n = 0;
  const departments = new Set<string>();
  const flush = () => {
    db.transaction(() => upsertPolicies(db, batch, at))();
    batch = [];
  };
  for (const p of generatePolicies(rng)) {
    if (n >= limit.policies) break;
    batch.push(p);
    n++;
    if (p.docNo && n % 97 === 0 && samples.docNos.length < 60) samples.docNos.push(p.docNo);
    for (const it of p.items) departments.add(it.department);
    if (batch.length === 1000) {
      flush();
      log(`data: ${n.toLocaleString('en')} policies`);
    }
  }
  flush();
  samples.departments = [...departments].sort();

  const ins = db.prepare(
    `INSERT INTO enterprises (uscc, name, legal_rep, region_code, industry_code, registration_date, registered_capital, employees,
       revenue, total_assets, rnd_expense, tax_paid, contact_name, contact_phone, certificates, updated_at)
     VALUES (@uscc, @name, @legal_rep, @region_code, @industry_code, @registration_date, @registered_capital, @employees,
       @revenue, @total_assets, @rnd_expense, @tax_paid, @contact_name, @contact_phone, @certificates, '${at}')`,
  );
  const fts = db.prepare('INSERT INTO enterprise_search (rowid, name) VALUES (?, ?)');
  const ftsShort = db.prepare('INSERT INTO enterprise_search_short (rowid, name) VALUES (?, ?)');
  let m = 0;
  const insertBatch = db.transaction((rows: GeneratedEnterprise[]) => {
    for (const e of rows) {
      const rowid = ins.run(e).lastInsertRowid;
      fts.run(rowid, e.name);
      ftsShort.run(rowid, toBigramText(e.name));
    }
  });
  let rows: GeneratedEnterprise[] = [];
  const flushEnterprises = () => {
    insertBatch(rows);
    for (const e of rows) {
      m++;
      if (m % 4999 === 0 && samples.usccs.length < 100) {
        samples.usccs.push(e.uscc);
        samples.names.push(e.name);
      }
    }
    rows = [];
    if (m % 100_000 === 0) log(`data: ${m.toLocaleString('en')} enterprises`);
  };
  for (const e of generateEnterprises(new Rng(SEED + 1))) {
    if (m + rows.length >= limit.enterprises) break;
    rows.push(e);
    if (rows.length === 10_000) flushEnterprises();
  }
  if (rows.length > 0) flushEnterprises();
  return { samples, enterprises: m };
}
