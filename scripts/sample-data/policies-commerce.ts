import { C, item, mats, NO_BAD_CREDIT, NO_DUP, policy, win } from './common';

// 商贸开放、总部经济、文化创意、上市: 区商务局 / 区发改局 / 区文广旅体局 / 区金融办.

export const COMMERCE_POLICIES = [
  policy(
    { id: 'BJ-SW-2025-01', title: '滨江区出口信用保险保费补贴办法', docNo: '杭滨商务〔2025〕3号', issuer: '杭州市滨江区商务局', level: 'district', category: 'award', publish: '2025-03-10' },
    {
      purpose: '帮助外贸企业防范收汇风险，稳定外贸基本盘',
      scope: '在滨江区注册、有进出口经营实绩并投保短期出口信用保险的企业',
      standards: [
        '企业投保短期出口信用保险的，按实缴保费的 50% 给予补贴，单个企业每年最高 50 万元。',
        '上年出口额 500 万美元以下的小微外贸企业，由区商务局统一投保，企业免缴保费。',
      ],
      procedure: '保费补贴由企业在申报期内提交申请；统保平台由区商务局与保险机构直接结算。',
      effective: '本办法自发布之日起施行。', dept: '区商务局',
    },
    ['出口信用保险是外贸企业的风险保障工具。', '滨江区有出口实绩的企业。', '保费补贴 50%，小微企业统保免缴。', '统保覆盖范围扩大到 500 万美元以下企业。'],
    [
      item('BJ-SW-2025-01-01', '出口信用保险保费补贴', '区商务局', {
        window: win('2026-11-01', '2026-12-20'), days: 30, amount: '按保费 50% 补贴，每年最高 50 万元', max: 50,
        cond: C.all(C.district()),
        free: ['上年度有进出口经营实绩', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'export', 'bank'),
        keyPoints: '保费以保险机构出具的发票为准。与统保平台不可重复享受。',
      }),
      item('BJ-SW-2025-01-02', '小微外贸企业出口信保统保', '区商务局', {
        mode: 'no_application', days: 10, amount: '企业免缴保费（每家最高 5 万元保额对应保费）', max: 1,
        cond: C.all(C.district(), C.smallMicro()),
        free: ['上年出口额 500 万美元以下'],
        materials: mats('license', 'export', 'other'),
        keyPoints: '按海关出口数据自动纳入统保。企业可登录统保平台查询保单。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SW-2025-02', title: '滨江区企业参加境内外展会补贴办法', docNo: '杭滨商务〔2025〕5号', issuer: '杭州市滨江区商务局', level: 'district', category: 'award', publish: '2025-04-15' },
    {
      purpose: '支持企业开拓国内外市场，提升品牌影响力',
      scope: '在滨江区注册、参加区商务局发布的重点展会目录内展会的企业',
      standards: [
        '参加境外重点展会的，按展位费的 70% 给予补贴，每个展会最高 10 万元，每家企业每年最高 30 万元。',
        '参加境内重点展会的，按展位费的 50% 给予补贴，每个展会最高 5 万元。',
      ],
      procedure: '企业在展会结束后按季度集中申报，区商务局审核后拨付。',
      effective: '本办法自发布之日起施行。', dept: '区商务局',
    },
    ['以展会补贴帮助企业拓市场。', '参加目录内展会的滨江区企业。', '境外 70%，境内 50%。', '境外展会补贴比例由 50% 提高到 70%。'],
    [
      item('BJ-SW-2025-02-01', '境外重点展会补贴', '区商务局', {
        window: win('2026-11-01', '2026-12-15'), days: 30, amount: '按展位费 70% 补贴，每年最高 30 万元', max: 30,
        cond: C.all(C.district(), C.sme()),
        free: ['展会在区商务局重点展会目录内', NO_DUP],
        materials: mats('license', 'form', 'fair', 'invoice'),
        keyPoints: '须提供展位照片和展位费发票。同一展会只补贴一次。',
      }),
      item('BJ-SW-2025-02-02', '境内重点展会补贴', '区商务局', {
        window: win('2026-11-01', '2026-12-15'), days: 30, amount: '按展位费 50% 补贴，每个展会最高 5 万元', max: 5,
        cond: C.all(C.district()),
        free: ['展会在区商务局重点展会目录内'],
        materials: mats('license', 'form', 'fair'),
        keyPoints: '以标准展位费为计算基数。特装费用不予补贴。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-FG-2025-03', title: '滨江区总部企业认定和扶持办法', docNo: '杭滨发改〔2025〕8号', issuer: '杭州市滨江区发展和改革局', level: 'district', category: 'qualification', publish: '2025-05-06' },
    {
      purpose: '吸引和培育总部企业，发展总部经济',
      scope: '在滨江区注册、对下属企业具有管理职能的企业法人',
      standards: [
        '上年营业收入不低于 5 亿元、纳税额不低于 2000 万元的，可认定为区总部企业。',
        '新认定的总部企业租用办公用房的，三年内按租金的 50% 给予补助，每年最高 300 万元。',
      ],
      procedure: '企业向区发改局提出认定申请，经部门联审后公布名单。',
      effective: '本办法自发布之日起施行。', dept: '区发改局',
    },
    ['总部经济带动税源和高端要素集聚。', '滨江区对下属企业有管理职能的企业。', '先认定，再享受办公用房补助。', '营收门槛由 10 亿元降为 5 亿元。'],
    [
      item('BJ-FG-2025-03-01', '总部企业认定', '区发改局', {
        window: win('2026-06-01', '2026-07-31'), days: 45,
        cond: C.all(C.district(), C.cmp('revenue', '>=', 50000, '上年营业收入不低于 5 亿元'), C.cmp('taxPaid', '>=', 2000, '上年纳税额不低于 2000 万元')),
        free: ['对下属企业具有管理职能', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'audit', 'taxReturn'),
        keyPoints: '须经部门联审。认定有效期三年。',
        expert: true,
      }),
      item('BJ-FG-2025-03-02', '总部企业办公用房补助', '区发改局', {
        window: win('2026-06-01', '2026-07-31'), days: 30, amount: '按租金 50% 补助，每年最高 300 万元', max: 300,
        cond: C.all(C.district(), C.cmp('revenue', '>=', 50000, '上年营业收入不低于 5 亿元')),
        free: ['已认定为区总部企业', '办公用房自用'],
        materials: mats('license', 'lease', 'rent', 'form'),
        keyPoints: '补助期三年。转租或改变用途的追回补助。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SW-2025-04', title: '滨江区促进商贸消费高质量发展扶持办法', docNo: '杭滨商务〔2025〕9号', issuer: '杭州市滨江区商务局', level: 'district', category: 'award', publish: '2025-06-18' },
    {
      purpose: '促进商贸企业做大做强，激发消费活力',
      scope: '在滨江区注册的限额以上批发零售、住宿餐饮企业',
      standards: [
        '限额以上批发零售企业上年销售额增速不低于 10% 的，按增量部分的 0.5% 给予奖励，最高 50 万元。',
        '组织经区商务局备案的促消费活动的，按活动实际投入的 30% 给予补助，最高 20 万元。',
      ],
      procedure: '企业在申报期内向区商务局提交申请。',
      effective: '本办法自发布之日起施行。', dept: '区商务局',
    },
    ['支持限上商贸企业增长。', '滨江区限上商贸企业。', '增长奖励按增量 0.5%；活动补助 30%。', '新增住宿餐饮企业。'],
    [
      item('BJ-SW-2025-04-01', '限上商贸企业增长奖励', '区商务局', {
        window: win('2026-03-15', '2026-04-30'), days: 30, amount: '按增量 0.5% 奖励，最高 50 万元', max: 50,
        cond: C.all(C.district(), C.any(C.tag('限上批发零售业企业', '限上批发零售业企业'), C.tag('限上住宿餐饮业企业', '限上住宿餐饮业企业'))),
        free: ['上年销售额增速不低于 10%'],
        materials: mats('license', 'form', 'stats', 'audit'),
        keyPoints: '以统计联网直报数据为准。增速按可比口径计算。',
      }),
      item('BJ-SW-2025-04-02', '促消费活动补助', '区商务局', {
        window: win('2026-09-01', '2026-12-31'), days: 30, amount: '按实际投入 30% 补助，最高 20 万元', max: 20,
        cond: C.all(C.district(), { field: 'industryCode', prefix: ['F52', 'H'], label: '零售业或住宿餐饮业' }),
        free: ['活动方案已在区商务局备案'],
        materials: mats('license', 'form', 'invoice', 'photos'),
        keyPoints: '活动结束后 30 日内申报。宣传费用计入投入。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SW-2025-05', title: '滨江区 2025 年消费券发放配套补贴', docNo: '杭滨商务〔2025〕1号', issuer: '杭州市滨江区商务局', level: 'district', category: 'award', publish: '2025-01-08', expiry: '2025-12-31', status: 'expired' },
    {
      purpose: '配合消费券发放，鼓励商户让利促销',
      scope: '参与 2025 年滨江区消费券活动的零售和餐饮商户',
      standards: ['按商户实际核销消费券金额的 5% 给予配套补贴，单个商户最高 10 万元。'],
      procedure: '由区商务局按核销数据直接拨付。',
      effective: '本补贴执行至 2025 年 12 月 31 日，已到期。', dept: '区商务局',
    },
    ['年度促消费活动的配套政策。', '参与消费券活动的商户。', '按核销额 5% 补贴。', '已到期。'],
    [
      item('BJ-SW-2025-05-01', '消费券核销配套补贴', '区商务局', {
        window: win('2025-02-01', '2025-12-31'), mode: 'no_application', days: 15, amount: '按核销金额 5%，最高 10 万元', max: 10,
        cond: C.all(C.district(), { field: 'industryCode', prefix: ['F52', 'H'], label: '零售业或住宿餐饮业' }),
        free: ['参与 2025 年消费券活动'],
        materials: mats('license', 'bank', 'other'),
        keyPoints: '政策已到期，不再受理。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-WG-2025-06', title: '滨江区文化创意产业发展专项资金管理办法', docNo: '杭滨文旅〔2025〕4号', issuer: '杭州市滨江区文化和广电旅游体育局', level: 'district', category: 'award', publish: '2025-05-28' },
    {
      purpose: '推动数字文化、动漫游戏、影视等文化创意产业发展',
      scope: '在滨江区注册、从事文化创意相关业务的企业',
      standards: [
        '经评审入选的文化创意重点项目，按项目投资的 20% 给予资助，最高 200 万元。',
        '原创动漫、影视作品在中央电视台或省级卫视首播的，按播出时长给予奖励，最高 100 万元。',
      ],
      procedure: '区文广旅体局每年发布申报通知，组织专家评审。',
      effective: '本办法自发布之日起施行。', dept: '区文广旅体局',
    },
    ['文化创意是滨江区特色产业。', '滨江区文化创意企业。', '项目资助需专家评审，作品奖励按时长。', '新增网络视听作品。'],
    [
      item('BJ-WG-2025-06-01', '文化创意重点项目资助', '区文广旅体局', {
        window: win('2026-07-01', '2026-08-31'), days: 60, amount: '按项目投资 20%，最高 200 万元', max: 200,
        cond: C.all(C.district(), { field: 'industryCode', prefix: ['R86', 'R87', 'I6572', 'I6422'], label: '文化创意相关行业' }),
        free: ['项目已完成投资 50% 以上', NO_DUP],
        materials: mats('license', 'form', 'plan', 'audit', 'contract'),
        keyPoints: '须经专家评审。资助资金分两期拨付。',
        expert: true,
      }),
      item('BJ-WG-2025-06-02', '原创动漫影视作品播出奖励', '区文广旅体局', {
        window: win('2026-07-01', '2026-08-31'), days: 30, amount: '按播出时长奖励，最高 100 万元', max: 100,
        cond: C.all(C.district()),
        free: ['作品为本企业原创并拥有著作权', '在中央电视台或省级卫视首播'],
        materials: mats('license', 'form', 'ip', 'other'),
        keyPoints: '须提供播出证明。同一作品只奖励一次。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-JR-2025-07', title: '滨江区企业上市和挂牌奖励办法', docNo: '杭滨政办〔2025〕20号', issuer: '杭州市滨江区人民政府办公室', level: 'district', category: 'award', publish: '2025-06-30' },
    {
      purpose: '推动企业利用多层次资本市场做大做强',
      scope: '在滨江区注册并纳税的拟上市企业和挂牌企业',
      standards: [
        '完成股份制改造并在浙江证监局辅导备案的，给予奖励 100 万元。',
        '在境内证券交易所首发上市的，给予奖励 500 万元；在全国股转系统挂牌的，给予奖励 50 万元。',
      ],
      procedure: '企业在完成相应阶段后向区金融办提出申请。',
      effective: '本办法自发布之日起施行。', dept: '区金融办',
    },
    ['企业上市是区域经济发展的重要抓手。', '滨江区拟上市和挂牌企业。', '按辅导备案、上市、挂牌分阶段奖励。', '上市奖励由 300 万元提高到 500 万元。'],
    [
      item('BJ-JR-2025-07-01', '股改辅导备案奖励', '区金融办', {
        window: null, days: 30, amount: '奖励 100 万元', max: 100,
        cond: C.all(C.district(), C.cmp('revenue', '>=', 10000, '上年营业收入不低于 1 亿元')),
        free: ['已完成股份制改造并在证监局辅导备案', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'listing', 'audit'),
        keyPoints: '常年受理。辅导备案后一年内申请。',
      }),
      item('BJ-JR-2025-07-02', '首发上市奖励', '区金融办', {
        window: null, days: 30, amount: '境内上市 500 万元，新三板挂牌 50 万元', max: 500,
        cond: C.all(C.district()),
        free: ['已在境内证券交易所上市或在全国股转系统挂牌'],
        materials: mats('license', 'form', 'listing', 'pledge'),
        keyPoints: '已获辅导备案奖励的扣减后兑现。上市后注册地迁出的追回奖励。',
        expert: true,
      }),
    ],
  ),
];
