import { C, item, mats, NO_BAD_CREDIT, NO_DUP, policy, win } from './common';

// 产业发展类: 区经信局 / 市经信局 / 省经信厅.

export const INDUSTRY_POLICIES = [
  policy(
    { id: 'BJ-JX-2025-01', title: '滨江区专精特新企业梯度培育奖励办法', docNo: '杭滨经信〔2025〕7号', issuer: '杭州市滨江区经济和信息化局', level: 'district', category: 'award', publish: '2025-04-22' },
    {
      purpose: '推动中小企业走专业化、精细化、特色化、新颖化发展之路',
      scope: '在滨江区注册，被认定为省级专精特新中小企业或国家级专精特新“小巨人”企业的中小企业',
      standards: [
        '新认定为省级专精特新中小企业的，给予一次性奖励 20 万元。',
        '新认定为国家级专精特新“小巨人”企业的，给予一次性奖励 100 万元，已获省级奖励的补足差额。',
      ],
      procedure: '区经信局根据认定名单比对企业注册地和纳税情况，省级奖励直接兑现，国家级奖励由企业申报。',
      effective: '本办法自发布之日起施行，有效期三年。', dept: '区经信局',
    },
    ['落实优质中小企业梯度培育要求。', '新认定的专精特新中小企业和“小巨人”企业。', '省级 20 万元免申即享；国家级 100 万元补差额。', '省级奖励改为免申即享。'],
    [
      item('BJ-JX-2025-01-01', '省级专精特新中小企业认定奖励', '区经信局', {
        mode: 'no_application', days: 20, amount: '一次性奖励 20 万元', max: 20,
        cond: C.all(C.district(), C.tag('专精特新中小企业', '持有有效的专精特新中小企业认定')),
        materials: mats('license', 'srdiCert', 'bank'),
        keyPoints: '按省经信厅公布名单自动兑现。企业需保持注册地和税收户管地在滨江区。',
      }),
      item('BJ-JX-2025-01-02', '国家级专精特新“小巨人”企业奖励', '区经信局', {
        window: win('2026-09-01', '2026-12-15'), days: 30, amount: '一次性奖励 100 万元（补足差额）', max: 100,
        cond: C.all(C.district(), C.tag('专精特新“小巨人”企业', '国家级专精特新“小巨人”企业'), C.sme()),
        free: [NO_BAD_CREDIT],
        materials: mats('license', 'form', 'srdiCert', 'pledge'),
        keyPoints: '已获省级奖励的只补足差额 80 万元。认定文件须在近两年内。',
      }),
    ],
  ),
  policy(
    { id: 'ZJ-JX-2024-02', title: '浙江省专精特新中小企业认定管理实施细则', docNo: '浙经信企业〔2024〕66号', issuer: '浙江省经济和信息化厅', level: 'province', category: 'qualification', publish: '2024-03-12' },
    {
      purpose: '规范专精特新中小企业认定和管理工作',
      scope: '在浙江省内依法登记、具有独立法人资格的中小企业，从事特定细分市场时间达到 2 年以上',
      standards: [
        '上年度研发费用总额不低于 100 万元，或研发投入强度不低于 3%。',
        '上年度营业收入总额不低于 1000 万元，或近两年新增股权融资总额达到 2000 万元以上。',
      ],
      procedure: '企业自愿申报，区县经信部门初审、设区市复核后报省经信厅认定，认定有效期三年。',
      effective: '本细则自 2024 年 4 月 1 日起施行。', dept: '省经信厅',
    },
    ['细化国家梯度培育办法在本省的执行口径。', '省内从事细分市场 2 年以上的中小企业。', '研发、营收、专业化和创新能力四方面评价。', '增加股权融资替代条件。'],
    [
      item('ZJ-JX-2024-02-01', '省级专精特新中小企业认定申报', '区经信局', {
        window: win('2026-05-10', '2026-06-30'), days: 60,
        cond: C.all(
          C.province(), C.sme(), C.not(C.tag('专精特新中小企业', '已是专精特新中小企业')),
          { field: 'registrationDate', to: '2024-12-31', label: '成立满 2 年' },
          C.any(C.cmp('rndExpense', '>=', 100, '上年研发费用不低于 100 万元'), C.cmp('rndRatio', '>=', 3, '研发投入强度不低于 3%')),
          C.cmp('revenue', '>=', 1000, '上年营业收入不低于 1000 万元'),
        ),
        free: ['主导产品属于细分市场，从事特定细分市场 2 年以上', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'audit', 'ip', 'pledge'),
        keyPoints: '通过省优质中小企业梯度培育平台填报。须先通过创新型中小企业评价。',
        expert: true,
      }),
      item('ZJ-JX-2024-02-02', '专精特新中小企业有效期复核', '区经信局', {
        window: win('2026-05-10', '2026-06-30'), days: 40,
        cond: C.all(C.province(), C.tag('专精特新中小企业', '持有专精特新中小企业认定')),
        free: ['认定有效期将在当年届满'],
        materials: mats('license', 'form', 'audit', 'srdiCert'),
        keyPoints: '有效期届满当年须参加复核。复核不通过的不再享受相关政策。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-JX-2025-03', title: '杭州市首台（套）装备推广应用奖励办法', docNo: '杭经信〔2025〕21号', issuer: '杭州市经济和信息化局', level: 'city', category: 'award', publish: '2025-05-16', expiry: '2028-05-31' },
    {
      purpose: '加快首台（套）装备、首批次新材料和首版次软件的推广应用',
      scope: '在杭州市注册，产品被认定为省级及以上首台（套）装备的制造业企业',
      standards: [
        '认定为国内首台（套）的，按产品销售额的 20% 给予奖励，最高 300 万元；省内首台（套）最高 100 万元。',
        '投保首台（套）综合保险的，按实缴保费的 80% 给予补贴，单个企业每年最高 100 万元。',
      ],
      procedure: '企业向区县经信部门申报，市经信局会同市财政局组织专家评审。',
      effective: '本办法自 2025 年 6 月 1 日起施行，有效期三年。', dept: '市经信局',
    },
    ['支持装备制造业创新产品首次进入市场。', '杭州市内获认定的首台（套）产品生产企业。', '奖励按销售额的 20%，保费补贴 80%。', '新增首版次软件纳入保险补偿。'],
    [
      item('HZ-JX-2025-03-01', '首台（套）产品认定奖励', '市经信局', {
        window: win('2026-08-01', '2026-09-30'), days: 60, amount: '按销售额 20% 奖励，最高 300 万元', max: 300,
        cond: C.all(C.city(), C.manufacturing()),
        free: ['产品获省级及以上首台（套）认定', '首台（套）产品已实现销售', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'contract', 'invoice', 'other'),
        keyPoints: '以认定文件和销售合同、发票为准。须经专家评审。',
        expert: true,
      }),
      item('HZ-JX-2025-03-02', '首台（套）综合保险保费补贴', '市经信局', {
        window: null, days: 30, amount: '按保费 80% 补贴，每年最高 100 万元', max: 100,
        cond: C.all(C.city(), C.manufacturing()),
        free: ['已投保首台（套）综合保险', NO_DUP],
        materials: mats('license', 'form', 'contract', 'invoice'),
        keyPoints: '常年受理，按保单年度申报。保费发票抬头须为申报企业。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-JX-2025-04', title: '滨江区制造业数字化改造专项扶持办法', docNo: '杭滨经信〔2025〕11号', issuer: '杭州市滨江区经济和信息化局', level: 'district', category: 'award', publish: '2025-06-25' },
    {
      purpose: '推进制造业数字化转型，培育智能工厂和数字化车间',
      scope: '在滨江区注册的规模以上工业企业和专精特新中小企业',
      standards: [
        '实施数字化改造项目、软硬件投入不低于 200 万元的，按实际投入的 15% 给予补助，最高 300 万元。',
        '区经信局组织服务商为中小制造企业提供免费的数字化诊断服务。',
      ],
      procedure: '项目完成后企业提出申请，区经信局委托第三方审计后予以补助。',
      effective: '本办法自发布之日起施行。', dept: '区经信局',
    },
    ['落实制造业数字化改造行动。', '滨江区规上工业企业与专精特新企业。', '补助按投入 15%，诊断服务免费。', '补助比例由 10% 提高到 15%。'],
    [
      item('BJ-JX-2025-04-01', '数字化改造项目补助', '区经信局', {
        window: win('2026-09-01', '2026-12-10'), days: 45, amount: '按投入 15% 补助，最高 300 万元', max: 300,
        cond: C.all(C.district(), C.manufacturing(), C.any(C.tag('规上工业企业', '规上工业企业'), C.tag('专精特新', '专精特新中小企业或“小巨人”企业'))),
        free: ['项目已完成并投入使用', '软硬件投入不低于 200 万元', NO_DUP],
        materials: mats('license', 'form', 'plan', 'contract', 'invoice', 'photos'),
        keyPoints: '项目须在近两年内完成。补助以第三方审计确认的投入为准。',
        expert: true,
      }),
      item('BJ-JX-2025-04-02', '中小制造企业数字化诊断服务', '区经信局', {
        window: null, days: 10, amount: '免费诊断（服务价值约 3 万元）', max: 3,
        cond: C.all(C.district(), C.manufacturing(), C.sme()),
        free: [NO_BAD_CREDIT],
        materials: mats('license', 'form', 'pledge'),
        keyPoints: '常年受理，先到先得。诊断报告可作为改造项目补助的申报依据。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-FG-2025-05', title: '滨江区工业企业技术改造投资补助办法', docNo: '杭滨发改〔2025〕14号', issuer: '杭州市滨江区发展和改革局', level: 'district', category: 'award', publish: '2025-03-05' },
    {
      purpose: '鼓励工业企业扩大有效投资，提升装备水平和生产效率',
      scope: '在滨江区注册、生产设备投资额不低于 500 万元的工业企业',
      standards: [
        '技术改造项目设备投资额不低于 500 万元的，按设备投资额的 10% 给予补助，最高 500 万元。',
        '技术改造项目使用银行贷款的，按贷款市场报价利率的 50% 给予贴息，期限不超过两年。',
      ],
      procedure: '项目竣工后由企业申请，区发改局会同区经信局组织现场验收。',
      effective: '本办法自发布之日起施行，有效期至 2027 年 12 月 31 日。', dept: '区发改局',
    },
    ['稳住工业投资，加快设备更新。', '滨江区工业企业的技改项目。', '补助按设备投资 10%，贷款贴息减半。', '新增技改贷款贴息。'],
    [
      item('BJ-FG-2025-05-01', '技术改造项目设备投资补助', '区发改局', {
        window: win('2026-03-01', '2026-04-30'), days: 60, amount: '按设备投资 10% 补助，最高 500 万元', max: 500,
        cond: C.all(C.district(), { field: 'industryCode', prefix: ['B', 'C', 'D'], label: '工业企业' }),
        free: ['项目已竣工验收', '设备投资额不低于 500 万元', NO_DUP],
        materials: mats('license', 'form', 'plan', 'invoice', 'contract', 'photos'),
        keyPoints: '以项目备案和设备发票为准。二手设备不计入投资额。',
        expert: true,
      }),
      item('BJ-FG-2025-05-02', '技术改造贷款贴息', '区发改局', {
        window: win('2026-03-01', '2026-04-30'), days: 30, amount: '按 LPR 的 50% 贴息，最高 100 万元', max: 100,
        cond: C.all(C.district(), { field: 'industryCode', prefix: ['B', 'C', 'D'], label: '工业企业' }),
        free: ['贷款用于已备案的技术改造项目'],
        materials: mats('license', 'form', 'loan', 'invoice'),
        keyPoints: '按实际付息金额计算。贴息期限不超过两年。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-JX-2025-06', title: '滨江区首次入规企业奖励办法', docNo: '杭滨经信〔2025〕15号', issuer: '杭州市滨江区经济和信息化局', level: 'district', category: 'award', publish: '2025-07-08' },
    {
      purpose: '鼓励小微企业升级为规模以上企业，扩大规上企业群体',
      scope: '在滨江区注册，上年度首次纳入规模以上工业或服务业统计的企业',
      standards: [
        '首次纳入规模以上统计的企业，给予一次性奖励 10 万元，由区经信局按统计名单直接兑现。',
        '入规后连续两年保持在库的，再给予一次性奖励 5 万元。',
      ],
      procedure: '奖励按统计部门名单比对后直接拨付，企业无需申请。',
      effective: '本办法自发布之日起施行。', dept: '区经信局',
    },
    ['“小升规”是壮大规上企业的主要途径。', '首次入规的滨江区企业。', '两项奖励均免申即享。', '入规奖励由 5 万元提高到 10 万元。'],
    [
      item('BJ-JX-2025-06-01', '首次入规一次性奖励', '区经信局', {
        mode: 'no_application', days: 20, amount: '一次性奖励 10 万元', max: 10,
        cond: C.all(C.district(), C.any(C.tag('规上工业企业', '规上工业企业'), C.tag('规上服务业企业', '规上服务业企业'))),
        free: ['上年度首次纳入规模以上统计'],
        materials: mats('license', 'stats', 'bank'),
        keyPoints: '按统计名单自动兑现。企业需确认开户银行信息。',
      }),
      item('BJ-JX-2025-06-02', '入规企业稳定在库奖励', '区经信局', {
        mode: 'no_application', days: 20, amount: '一次性奖励 5 万元', max: 5,
        cond: C.all(C.district(), C.any(C.tag('规上工业企业', '规上工业企业'), C.tag('规上服务业企业', '规上服务业企业'))),
        free: ['入规后连续两年在库'],
        materials: mats('license', 'stats', 'bank'),
        keyPoints: '入规满两年自动兑现。期间退库的不再享受。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-JX-2021-07', title: '滨江区工业企业智能化改造补助办法（2021 年修订）', docNo: '杭滨经信〔2021〕9号', issuer: '杭州市滨江区经济和信息化局', level: 'district', category: 'award', publish: '2021-04-02', expiry: '2025-06-30', status: 'repealed' },
    {
      purpose: '推动工业企业实施智能化改造',
      scope: '在滨江区注册的规模以上工业企业',
      standards: ['智能化改造项目按软硬件投入的 10% 给予补助，最高 200 万元。'],
      procedure: '企业每年集中申报一次。',
      effective: '本办法已被杭滨经信〔2025〕11号废止。', dept: '区经信局',
    },
    ['旧版智能化改造补助政策。', '滨江区规上工业企业。', '已废止。', '由数字化改造专项扶持办法替代。'],
    [
      item('BJ-JX-2021-07-01', '智能化改造项目补助（旧）', '区经信局', {
        window: win('2025-03-01', '2025-04-30'), days: 45, amount: '按投入 10% 补助，最高 200 万元', max: 200,
        cond: C.all(C.district(), C.tag('规上工业企业', '规上工业企业')),
        materials: mats('license', 'form', 'plan', 'invoice'),
        keyPoints: '本办法已废止，不再受理新申请。',
      }),
    ],
  ),
];
