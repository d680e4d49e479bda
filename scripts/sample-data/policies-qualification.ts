import { C, item, mats, NO_BAD_CREDIT, NO_DUP, policy, win } from './common';

// 资质认定类 (and 绿色低碳): 科技型中小企业、高企、雏鹰、瞪羚、创新型中小企业、绿色工厂.

export const QUALIFICATION_POLICIES = [
  policy(
    { id: 'CN-KJ-2022-21', title: '科技型中小企业评价办法（示例）', docNo: '国科发政〔2022〕67号', issuer: '科学技术部 财政部 国家税务总局', level: 'national', category: 'qualification', publish: '2022-05-20' },
    {
      purpose: '规范科技型中小企业评价工作，落实相关扶持政策',
      scope: '在中国境内注册、职工总数不超过 500 人、年销售收入不超过 2 亿元、资产总额不超过 2 亿元的居民企业',
      standards: [
        '科技人员、研发投入、科技成果三类指标综合评分不低于 60 分，且科技人员指标得分不为零的，可入库。',
        '拥有Ⅰ类知识产权或近五年内获得省部级以上科技奖励的，可直接确认符合条件。',
      ],
      procedure: '企业在全国科技型中小企业信息服务平台自主评价，省级科技部门组织审核后入库，入库登记编号当年有效。',
      effective: '本办法自发布之日起施行。', dept: '省科技厅',
    },
    ['科技型中小企业入库是享受研发加计扣除等政策的前提之一。', '职工不超过 500 人的中小型科技企业。', '按年评价入库，当年有效。', '评价工作常年开展、分批入库。'],
    [
      item('CN-KJ-2022-21-01', '科技型中小企业评价入库', '区科技局', {
        window: win('2026-03-01', '2026-09-30'), mode: 'instant', days: 15,
        cond: C.all(C.cmp('employees', '<=', 500, '职工总数不超过 500 人'), C.cmp('revenue', '<=', 20000, '年销售收入不超过 2 亿元'), C.cmp('totalAssets', '<=', 20000, '资产总额不超过 2 亿元')),
        free: ['科技人员占比不低于 10%', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'audit', 'ip'),
        keyPoints: '平台在线填报，无需纸质材料。每年 9 月底前完成的可作为当年研发加计扣除依据。',
      }),
      item('CN-KJ-2022-21-02', '科技型中小企业入库信息更新', '区科技局', {
        window: null, mode: 'instant', days: 5,
        cond: C.all(C.tag('科技型中小企业', '已入库科技型中小企业')),
        free: ['企业名称、注册地等登记信息发生变更'],
        materials: mats('license', 'form', 'other'),
        keyPoints: '信息变更后 3 个月内在平台更新。不更新的可能被移出名单。',
      }),
    ],
  ),
  policy(
    { id: 'CN-KJ-2016-22', title: '高新技术企业认定管理办法（示例）', docNo: '国科发火〔2016〕32号', issuer: '科学技术部 财政部 国家税务总局', level: 'national', category: 'qualification', publish: '2016-01-29' },
    {
      purpose: '扶持和鼓励高新技术企业发展，规范认定管理',
      scope: '在中国境内注册一年以上的居民企业，主要产品（服务）的核心技术属于《国家重点支持的高新技术领域》',
      standards: [
        '近三个会计年度研发费用占同期销售收入比例：收入 5000 万元以下的不低于 5%；5000 万元至 2 亿元的不低于 4%；2 亿元以上的不低于 3%。',
        '科技人员占职工总数不低于 10%，近一年高新技术产品（服务）收入占总收入不低于 60%。',
      ],
      procedure: '企业在认定管理工作网注册填报，经区县科技部门推荐，省级认定机构组织专家评审、公示后认定，证书有效期三年。',
      effective: '本办法自 2016 年 1 月 1 日起施行。', dept: '省科技厅',
    },
    ['高企认定是最重要的科技企业资质之一。', '注册一年以上的居民企业。', '研发投入比例按收入分档，须专家评审。', '研发费用比例指标分三档。'],
    [
      item('CN-KJ-2016-22-01', '高新技术企业认定申报', '区科技局', {
        window: win('2026-05-15', '2026-07-31'), days: 60,
        cond: C.all(
          { field: 'registrationDate', to: '2025-06-30', label: '注册成立满一年' },
          C.not(C.tag('高新技术企业', '已是高新技术企业')),
          C.cmp('rndRatio', '>=', 3, '研发投入强度不低于 3%'),
          C.cmp('employees', '>=', 10, '职工不少于 10 人'),
        ),
        free: ['拥有核心技术的知识产权', '科技人员占比不低于 10%', '高新技术产品收入占比不低于 60%', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit', 'audit', 'ip', 'social'),
        keyPoints: '研发费用比例按收入分档：5000 万元以下须达 5%。须经专家评审，评审通过后公示 10 个工作日。',
        expert: true,
      }),
      item('CN-KJ-2016-22-02', '高新技术企业更名及重大变化报告', '区科技局', {
        window: null, mode: 'instant', days: 20,
        cond: C.all(C.tag('高新技术企业', '持有有效的高新技术企业证书')),
        free: ['企业发生更名或与认定条件有关的重大变化'],
        materials: mats('license', 'form', 'hnteCert', 'other'),
        keyPoints: '变化发生后 3 个月内报告。更名后换发证书，有效期不变。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-KJ-2025-23', title: '滨江区雏鹰企业培育认定办法', docNo: '杭滨科〔2025〕14号', issuer: '杭州市滨江区科学技术局', level: 'district', category: 'qualification', publish: '2025-08-12' },
    {
      purpose: '发现和培育成长潜力大的初创科技企业',
      scope: '在滨江区注册成立不满五年、从事软件、集成电路、人工智能等领域研发的企业',
      standards: [
        '上年研发投入强度不低于 8%、拥有自主知识产权的，可认定为区雏鹰企业，有效期两年。',
        '雏鹰企业优先推荐申报高新技术企业和科技型中小企业，并优先安排创新券额度。',
      ],
      procedure: '企业向区科技局提出申请，经专家评审后公布名单。',
      effective: '本办法自发布之日起施行。', dept: '区科技局',
    },
    ['雏鹰企业是区级科技企业梯队的起点。', '成立不满五年的滨江区科技企业。', '研发强度 8% 以上并有自主知识产权。', '首次发布。'],
    [
      item('BJ-KJ-2025-23-01', '区雏鹰企业认定', '区科技局', {
        window: win('2026-10-20', '2026-12-05'), days: 40,
        cond: C.all(C.district(), C.within(5, '成立不满 5 年'), C.cmp('rndRatio', '>=', 8, '研发投入强度不低于 8%'), C.any(C.software(), { field: 'industryCode', prefix: ['C39', 'M73'], label: '电子信息制造或研究试验' })),
        free: ['拥有自主知识产权', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'rndAudit', 'ip'),
        keyPoints: '认定有效期两年。须经专家评审。',
        expert: true,
      }),
      item('BJ-KJ-2025-23-02', '雏鹰企业培育奖励', '区科技局', {
        mode: 'no_application', days: 20, amount: '一次性奖励 10 万元', max: 10,
        cond: C.all(C.district(), C.within(5, '成立不满 5 年')),
        free: ['已认定为区雏鹰企业'],
        materials: mats('license', 'bank', 'other'),
        keyPoints: '认定后按名单自动兑现。有效期内迁出的追回奖励。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-KJ-2025-24', title: '杭州市瞪羚企业认定管理办法', docNo: '杭科高〔2025〕12号', issuer: '杭州市科学技术局', level: 'city', category: 'qualification', publish: '2025-04-08' },
    {
      purpose: '培育高成长科技企业，推动科技企业规模化发展',
      scope: '在杭州市注册的高新技术企业',
      standards: [
        '上年营业收入 5000 万元以上、近三年营业收入年均增长率不低于 20% 的高新技术企业，可认定为杭州市瞪羚企业。',
        '瞪羚企业在市级科技项目立项中予以倾斜支持。',
      ],
      procedure: '企业经区县科技部门推荐，市科技局组织评审。',
      effective: '本办法自发布之日起施行。', dept: '市科技局',
    },
    ['瞪羚企业是高成长企业的代表。', '杭州市高新技术企业。', '营收 5000 万元以上且高增长。', '增长率指标由 30% 调整为 20%。'],
    [
      item('HZ-KJ-2025-24-01', '杭州市瞪羚企业认定', '市科技局', {
        window: win('2026-09-15', '2026-10-31'), days: 45,
        cond: C.all(C.city(), C.tag('高新技术企业', '高新技术企业'), C.cmp('revenue', '>=', 5000, '上年营业收入不低于 5000 万元')),
        free: ['近三年营业收入年均增长率不低于 20%', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'audit', 'hnteCert'),
        keyPoints: '按三年审计报告计算增长率。须由区科技局推荐。',
        expert: true,
      }),
      item('HZ-KJ-2025-24-02', '瞪羚企业研发项目优先立项', '市科技局', {
        window: win('2026-02-20', '2026-03-31'), mode: 'instant', days: 30, amount: '市级科技项目资助最高 100 万元', max: 100,
        cond: C.all(C.city(), C.tag('高新技术企业', '高新技术企业')),
        free: ['已认定为杭州市瞪羚企业'],
        materials: mats('license', 'form', 'plan', 'rndAudit'),
        keyPoints: '在市级科技计划项目中单列指标。项目须有明确的技术攻关目标。',
        expert: true,
      }),
    ],
  ),
  policy(
    { id: 'ZJ-JX-2024-25', title: '浙江省创新型中小企业评价实施办法', docNo: '浙经信企业〔2024〕52号', issuer: '浙江省经济和信息化厅', level: 'province', category: 'qualification', publish: '2024-02-26' },
    {
      purpose: '构建优质中小企业梯度培育体系的基础层',
      scope: '在浙江省内登记注册、具有独立法人资格的中小企业',
      standards: ['从创新能力、成长性、专业化三方面评价，得分达到 60 分以上的，公告为创新型中小企业，有效期三年。'],
      procedure: '企业在省优质中小企业梯度培育平台自评，区县经信部门审核后，省经信厅公告。',
      effective: '本办法自发布之日起施行。', dept: '省经信厅',
    },
    ['创新型中小企业是专精特新的前置梯队。', '省内中小企业。', '评分 60 分以上，有效期三年。', '评价改为常年开展。'],
    [
      item('ZJ-JX-2024-25-01', '创新型中小企业评价', '区经信局', {
        window: null, mode: 'instant', days: 20,
        cond: C.all(C.province(), C.sme(), C.not(C.tag('创新型中小企业', '已是创新型中小企业'))),
        free: ['近三年无重大安全、质量、环境污染事故', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'audit', 'ip'),
        keyPoints: '常年受理，按季度公告。拥有有效发明专利的可直接认定。',
      }),
      item('ZJ-JX-2024-25-02', '创新型中小企业有效期复核', '区经信局', {
        window: win('2026-11-01', '2026-12-31'), days: 30,
        cond: C.all(C.province(), C.tag('创新型中小企业', '持有创新型中小企业公告')),
        free: ['公告有效期将在当年届满'],
        materials: mats('license', 'form', 'audit'),
        keyPoints: '有效期届满当年须参加复核。复核时按最新年度数据评分。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-FG-2025-26', title: '滨江区绿色低碳发展扶持办法', docNo: '杭滨发改〔2025〕19号', issuer: '杭州市滨江区发展和改革局', level: 'district', category: 'award', publish: '2025-09-03' },
    {
      purpose: '推动企业节能降碳和绿色制造，助力碳达峰碳中和',
      scope: '在滨江区注册的工业企业及公共机构以外的用能单位',
      standards: [
        '新认定为国家级、省级绿色工厂的，分别给予一次性奖励 100 万元、50 万元。',
        '实施节能降碳改造项目、年节能量 300 吨标准煤以上的，按项目投资的 10% 给予补助，最高 200 万元。',
      ],
      procedure: '企业在申报期内向区发改局提出申请，节能量由第三方机构核查。',
      effective: '本办法自发布之日起施行，有效期至 2028 年 12 月 31 日。', dept: '区发改局',
    },
    ['落实“双碳”目标。', '滨江区工业企业和用能单位。', '绿色工厂奖励与节能改造补助。', '新增分布式光伏项目纳入补助。'],
    [
      item('BJ-FG-2025-26-01', '绿色工厂认定奖励', '区发改局', {
        window: win('2026-10-08', '2026-12-08'), days: 30, amount: '国家级 100 万元，省级 50 万元', max: 100,
        cond: C.all(C.district(), C.manufacturing()),
        free: ['上年度新认定为国家级或省级绿色工厂'],
        materials: mats('license', 'form', 'other'),
        keyPoints: '就高不重复，升级的补足差额。以认定公告为准。',
      }),
      item('BJ-FG-2025-26-02', '节能降碳改造项目补助', '区发改局', {
        window: win('2026-10-08', '2026-12-08'), days: 45, amount: '按投资 10% 补助，最高 200 万元', max: 200,
        cond: C.all(C.district(), C.cmp('revenue', '>=', 2000, '上年营业收入不低于 2000 万元')),
        free: ['年节能量 300 吨标准煤以上', NO_DUP],
        materials: mats('license', 'form', 'plan', 'energy', 'invoice'),
        keyPoints: '节能量以第三方核查报告为准。须经专家评审。',
        expert: true,
      }),
    ],
  ),
];
