import { C, item, mats, NO_BAD_CREDIT, NO_DUP, policy, win } from './common';

// 科技创新类: 区科技局 / 市科技局 / 省科技厅, 区市场监管局 (专利).

export const TECH_POLICIES = [
  policy(
    { id: 'BJ-KJ-2025-01', title: '滨江区高新技术企业认定奖励实施办法', docNo: '杭滨政办〔2025〕12号', issuer: '杭州市滨江区人民政府办公室', level: 'district', category: 'award', publish: '2025-03-18', expiry: '2027-12-31' },
    {
      purpose: '鼓励企业加大科技投入、提升自主创新能力，加快培育高新技术企业群体',
      scope: '注册地和税收户管地均在滨江区，并通过国家高新技术企业认定的企业',
      standards: [
        '首次通过高新技术企业认定的，给予一次性奖励 30 万元；由外地整体迁入且资格有效的，给予一次性奖励 20 万元。',
        '高新技术企业资格期满后重新通过认定的，给予一次性奖励 10 万元。',
      ],
      procedure: '企业在申报期内通过“亲清在线”平台提交申请，区科技局会同区财政局审核。',
      effective: '本办法自 2025 年 4 月 1 日起施行，有效期至 2027 年 12 月 31 日。', dept: '区科技局',
    },
    ['为落实高新技术企业培育行动，区级财政对新认定企业给予奖励。', '滨江区注册、纳税的国家高新技术企业。', '首次认定 30 万元，重新认定 10 万元，迁入 20 万元。', '首次认定奖励由 20 万元提高到 30 万元，新增迁入奖励。'],
    [
      item('BJ-KJ-2025-01-01', '高新技术企业首次认定奖励', '区科技局', {
        window: win('2026-10-15', '2026-12-20'), days: 30, amount: '一次性奖励 30 万元', max: 30,
        cond: C.all(C.district(), C.tag('高新技术企业', '持有有效的高新技术企业证书'), C.within(10, '成立 10 年以内')),
        free: ['首次通过高新技术企业认定（证书发证日期在上一年度）', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'hnteCert', 'pledge'),
        keyPoints: '证书发证日期须在上一年度。奖励由区财政一次性拨付至企业基本户。迁入企业按 20 万元执行。',
      }),
      item('BJ-KJ-2025-01-02', '高新技术企业重新认定奖励', '区科技局', {
        window: win('2026-10-15', '2026-12-20'), days: 30, amount: '一次性奖励 10 万元', max: 10,
        cond: C.all(C.district(), C.tag('高新技术企业', '持有有效的高新技术企业证书')),
        free: ['资格期满后重新通过认定', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'hnteCert'),
        keyPoints: '仅限资格期满后重新认定的企业。与首次认定奖励不可同年兼得。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-KJ-2025-02', title: '滨江区科技型中小企业培育扶持办法', docNo: '杭滨科〔2025〕5号', issuer: '杭州市滨江区科学技术局', level: 'district', category: 'award', publish: '2025-04-10' },
    {
      purpose: '壮大科技型中小企业队伍，夯实高新技术企业后备梯队',
      scope: '在滨江区注册，当年度通过科技型中小企业评价并入库的企业',
      standards: [
        '当年度首次评价入库的科技型中小企业，给予一次性奖励 2 万元，由系统比对名单直接兑现。',
        '入库企业上年度研发费用占营业收入比例不低于 5% 的，按研发费用增量部分的 10% 给予补助，最高 50 万元。',
      ],
      procedure: '入库奖励无需申请；研发后补助由企业在申报期内提交申请及专项审计报告。',
      effective: '本办法自发布之日起施行。', dept: '区科技局',
    },
    ['科技型中小企业是高企培育的主要来源。', '当年度入库的滨江区科技型中小企业。', '入库奖励免申即享；研发后补助按增量的 10%。', '入库奖励改为免申即享，不再收取纸质材料。'],
    [
      item('BJ-KJ-2025-02-01', '科技型中小企业入库奖励', '区科技局', {
        mode: 'no_application', days: 15, amount: '一次性奖励 2 万元', max: 2,
        cond: C.all(C.district(), C.tag('科技型中小企业', '当年度科技型中小企业入库')),
        materials: mats('license', 'bank', 'other'),
        keyPoints: '系统按入库名单自动比对，无需申请。企业只需确认基本户信息。',
      }),
      item('BJ-KJ-2025-02-02', '科技型中小企业研发投入后补助', '区科技局', {
        window: win('2026-05-06', '2026-06-15'), days: 40, amount: '按研发费用增量的 10% 补助，最高 50 万元', max: 50,
        cond: C.all(C.district(), C.tag('科技型中小企业', '当年度科技型中小企业入库'), C.cmp('rndRatio', '>=', 5, '研发投入强度不低于 5%')),
        free: [NO_BAD_CREDIT, NO_DUP],
        materials: mats('license', 'form', 'rndAudit', 'audit', 'pledge'),
        keyPoints: '以研发费用专项审计报告为准计算增量。研发投入强度按上年营业收入计算。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-KJ-2024-03', title: '杭州市企业研发投入补助实施细则', docNo: '杭科计〔2024〕31号', issuer: '杭州市科学技术局', level: 'city', category: 'award', publish: '2024-06-20', expiry: '2027-06-30' },
    {
      purpose: '引导企业持续加大研发投入，强化企业科技创新主体地位',
      scope: '在杭州市注册、具有独立法人资格、上年度研发费用不低于 100 万元的企业',
      standards: [
        '上年度研发费用占营业收入比例不低于 3% 的，按上年研发费用的 5% 给予补助，单个企业最高 200 万元。',
        '首次发生研发费用且金额不低于 50 万元的企业，给予一次性补助 10 万元。',
      ],
      procedure: '企业向注册地区县（市）科技局提出申请，区县初审后报市科技局复核。',
      effective: '本细则自 2024 年 7 月 1 日起施行，有效期三年。', dept: '市科技局',
    },
    ['落实市级研发投入激励政策。', '杭州市内上年研发费用达 100 万元的企业。', '补助按上年研发费用的 5%，最高 200 万元。', '研发强度门槛由 4% 调整为 3%。'],
    [
      item('HZ-KJ-2024-03-01', '企业研发投入补助', '市科技局', {
        window: win('2026-07-01', '2026-08-15'), days: 45, amount: '按上年研发费用 5% 补助，最高 200 万元', max: 200,
        cond: C.all(C.city(), C.cmp('rndExpense', '>=', 100, '上年研发费用不低于 100 万元'), C.cmp('rndRatio', '>=', 3, '研发投入强度不低于 3%')),
        free: [NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit', 'taxReturn', 'audit'),
        keyPoints: '研发费用以加计扣除申报数为准。区县初审后报市级复核，资金由市区两级按比例分担。',
        expert: true,
      }),
      item('HZ-KJ-2024-03-02', '首次研发投入一次性补助', '市科技局', {
        window: win('2026-07-01', '2026-08-15'), days: 45, amount: '一次性补助 10 万元', max: 10,
        cond: C.all(C.city(), C.cmp('rndExpense', '>=', 50, '上年研发费用不低于 50 万元'), C.within(5, '成立 5 年以内')),
        free: ['上年度为首次归集研发费用', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit'),
        keyPoints: '仅限首次发生研发费用的企业。与研发投入补助不可同年兼得。',
      }),
    ],
  ),
  policy(
    { id: 'ZJ-KJ-2024-04', title: '浙江省企业研究开发机构认定管理办法', docNo: '浙科发〔2024〕18号', issuer: '浙江省科学技术厅', level: 'province', category: 'qualification', publish: '2024-05-08' },
    {
      purpose: '引导企业建设高水平研发机构，提升产业技术创新能力',
      scope: '浙江省内依法设立、具有独立研发场所和稳定研发团队的企业',
      standards: [
        '省级企业研究开发中心：上年研发费用不低于 300 万元，研发人员不少于 20 人，拥有有效发明专利。',
        '省级重点企业研究院：以高新技术企业为依托，上年研发费用不低于 1000 万元，经专家评审后认定，给予建设经费支持。',
      ],
      procedure: '企业经区科技局推荐，市科技局审核后报省科技厅组织评审。',
      effective: '本办法自 2024 年 6 月 1 日起施行。', dept: '省科技厅',
    },
    ['规范省级企业研发机构的认定。', '省内有独立研发机构的企业。', '研发中心重研发规模，重点研究院需高企身份与专家评审。', '研发费用门槛按企业规模分档。'],
    [
      item('ZJ-KJ-2024-04-01', '省级企业研究开发中心认定', '区科技局', {
        window: win('2026-04-01', '2026-05-20'), days: 60,
        cond: C.all(C.province(), C.cmp('rndExpense', '>=', 300, '上年研发费用不低于 300 万元'), C.cmp('employees', '>=', 50, '从业人员不少于 50 人')),
        free: ['研发人员不少于 20 人', '拥有有效发明专利', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit', 'ip', 'photos'),
        keyPoints: '需有独立研发场所。由区科技局推荐，市级审核后报省厅评审。',
        expert: true,
      }),
      item('ZJ-KJ-2024-04-02', '省级重点企业研究院认定', '省科技厅', {
        window: win('2026-04-01', '2026-05-20'), days: 60, amount: '建设经费最高 500 万元', max: 500,
        cond: C.all(C.province(), C.tag('高新技术企业', '高新技术企业'), C.cmp('rndExpense', '>=', 1000, '上年研发费用不低于 1000 万元')),
        free: ['已建有省级企业研究开发中心', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit', 'hnteCert', 'plan', 'ip'),
        keyPoints: '须先有省级研发中心。建设期三年，期满验收。',
        expert: true,
      }),
    ],
  ),
  policy(
    { id: 'BJ-KJ-2025-05', title: '滨江区科技企业孵化器认定和扶持办法', docNo: '杭滨科〔2025〕9号', issuer: '杭州市滨江区科学技术局', level: 'district', category: 'qualification', publish: '2025-06-03' },
    {
      purpose: '完善创新创业服务体系，提升孵化载体运营水平',
      scope: '在滨江区注册、以孵化科技型初创企业为主要业务的运营机构',
      standards: [
        '孵化场地面积不少于 3000 平方米、在孵企业不少于 30 家的，可认定为区级科技企业孵化器。',
        '年度考核优秀的孵化器，给予运营补助最高 50 万元。',
      ],
      procedure: '运营机构向区科技局提出申请，经现场核查和专家评审后认定。',
      effective: '本办法自发布之日起施行。', dept: '区科技局',
    },
    ['孵化器是培育科技型初创企业的主要载体。', '滨江区内的孵化器运营机构。', '先认定后补助，补助按年度考核结果。', '运营补助改为按考核等次拨付。'],
    [
      item('BJ-KJ-2025-05-01', '区级科技企业孵化器认定', '区科技局', {
        window: null, days: 30,
        cond: C.all(C.district(), C.any({ field: 'industryCode', prefix: ['M73', 'M75'], label: '科技推广和研究服务业' }, { field: 'industryCode', prefix: 'L72', label: '商务服务业' })),
        free: ['孵化场地不少于 3000 平方米', '在孵企业不少于 30 家', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'lease', 'photos'),
        keyPoints: '常年受理，每季度集中评审一次。需现场核查。',
        expert: true,
      }),
      item('BJ-KJ-2025-05-02', '孵化器运营补助', '区科技局', {
        window: win('2026-03-01', '2026-03-31'), days: 30, amount: '考核优秀的最高 50 万元', max: 50,
        cond: C.all(C.district()),
        free: ['已认定为区级及以上科技企业孵化器', '上年度考核结果为优秀或良好'],
        materials: mats('license', 'form', 'audit', 'other'),
        keyPoints: '优秀 50 万元、良好 20 万元。补助用于孵化服务，不得用于发放人员奖金。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SJ-2025-06', title: '滨江区专利资助和知识产权奖励办法', docNo: '杭滨市监〔2025〕3号', issuer: '杭州市滨江区市场监督管理局', level: 'district', category: 'award', publish: '2025-02-20' },
    {
      purpose: '提升知识产权创造质量，支持企业开展海外专利布局',
      scope: '在滨江区注册并依法纳税的企业',
      standards: [
        '上年度获得国内发明专利授权的，每件资助 5000 元，单个企业每年最高 20 万元。',
        '通过 PCT 途径进入国外国家阶段并获得授权的发明专利，每件资助 3 万元，单个企业每年最高 30 万元。',
      ],
      procedure: '企业在申报期内向区市场监管局提交申请，按授权公告信息核验。',
      effective: '本办法自 2025 年 3 月 1 日起施行，原《滨江区专利资助办法》同时废止。', dept: '区市场监管局',
    },
    ['强化高价值专利导向。', '滨江区注册企业。', '国内发明专利按件资助，PCT 授权单列。', '取消实用新型专利资助，提高 PCT 授权资助标准。'],
    [
      item('BJ-SJ-2025-06-01', '国内发明专利授权资助', '区市场监管局', {
        window: win('2026-11-01', '2026-12-31'), days: 20, amount: '每件 0.5 万元，每年最高 20 万元', max: 20,
        cond: C.all(C.district()),
        free: ['上年度获得国内发明专利授权', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'ip'),
        keyPoints: '以授权公告日为准。专利权人须为申报企业。',
      }),
      item('BJ-SJ-2025-06-02', 'PCT 国际专利授权资助', '区市场监管局', {
        window: win('2026-11-01', '2026-12-31'), days: 20, amount: '每件 3 万元，每年最高 30 万元', max: 30,
        cond: C.all(C.district()),
        free: ['通过 PCT 途径获得国外发明专利授权', NO_DUP],
        materials: mats('license', 'form', 'ip', 'invoice'),
        keyPoints: '同一专利在多个国家授权的按一件计算。须提供外文授权文本及中文译本。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SJ-2019-07', title: '滨江区专利资助办法', docNo: '杭滨市监〔2019〕8号', issuer: '杭州市滨江区市场监督管理局', level: 'district', category: 'award', publish: '2019-05-15', expiry: '2025-02-28', status: 'repealed' },
    {
      purpose: '鼓励发明创造，促进专利申请量和授权量增长',
      scope: '在滨江区注册的企业、事业单位和个人',
      standards: ['发明专利授权每件资助 3000 元；实用新型专利授权每件资助 500 元。'],
      procedure: '申请人每年集中申报一次。',
      effective: '本办法已被杭滨市监〔2025〕3号废止。', dept: '区市场监管局',
    },
    ['旧版专利资助政策，已废止。', '滨江区企业和个人。', '已废止，仅供查询历史兑现。', '由 2025 年新办法替代。'],
    [
      item('BJ-SJ-2019-07-01', '专利授权资助（旧）', '区市场监管局', {
        window: win('2024-11-01', '2024-12-31'), days: 30, amount: '发明专利每件 0.3 万元', max: 10,
        cond: C.all(C.district()),
        materials: mats('license', 'form', 'ip'),
        keyPoints: '本办法已废止，不再受理新申请。',
      }),
    ],
  ),
];
