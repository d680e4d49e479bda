import { C, item, mats, NO_BAD_CREDIT, policy, win } from './common';

// 权益类: 创新券、政府采购、融资贴息、人才服务保障.

export const RIGHTS_POLICIES = [
  policy(
    { id: 'BJ-KJ-2025-11', title: '滨江区科技创新券管理办法', docNo: '杭滨科〔2025〕11号', issuer: '杭州市滨江区科学技术局', level: 'district', category: 'rights', publish: '2025-03-28' },
    {
      purpose: '降低中小企业研发成本，促进科技资源开放共享',
      scope: '在滨江区注册的科技型中小企业和初创企业',
      standards: [
        '企业可申领科技创新券，用于购买检验检测、研发设计、技术咨询等科技服务，每家企业每年最高 30 万元。',
        '创新券按服务合同金额的 50% 抵扣，服务机构凭券向区科技局兑付。',
      ],
      procedure: '企业在“科技创新云服务平台”在线申领，服务完成后由服务机构申请兑付。',
      effective: '本办法自发布之日起施行。', dept: '区科技局',
    },
    ['创新券是普惠性科技服务补助。', '滨江区科技型中小企业和初创企业。', '按合同额 50% 抵扣，每年最高 30 万元。', '创新券可在长三角通用通兑。'],
    [
      item('BJ-KJ-2025-11-01', '科技创新券申领', '区科技局', {
        window: null, mode: 'instant', days: 5, amount: '每年最高 30 万元', max: 30,
        cond: C.all(C.district(), C.any(C.tag('科技型中小企业', '科技型中小企业'), C.tag('初创企业', '成立不满 3 年的初创企业'))),
        free: [NO_BAD_CREDIT],
        materials: mats('license', 'form', 'pledge'),
        keyPoints: '在线申领，即时发券。当年未使用的额度自动作废。',
      }),
      item('BJ-KJ-2025-11-02', '科技创新券兑付', '区科技局', {
        window: null, days: 15, amount: '按服务合同金额 50% 兑付', max: 30,
        cond: C.all(C.district()),
        free: ['服务机构已入驻科技创新云服务平台', '服务已完成并经企业确认'],
        materials: mats('contract', 'invoice', 'form'),
        keyPoints: '由服务机构申请兑付。企业与服务机构存在关联关系的不得使用。',
      }),
    ],
  ),
  policy(
    { id: 'CN-CZ-2020-12', title: '政府采购促进中小企业发展管理办法（示例）', docNo: '财库〔2020〕46号', issuer: '财政部 工业和信息化部', level: 'national', category: 'rights', publish: '2020-12-18' },
    {
      purpose: '发挥政府采购政策功能，促进中小企业发展',
      scope: '在政府采购活动中提供本企业制造的货物、承担的工程或服务的中小企业',
      standards: [
        '采购限额标准以上、200 万元以下的货物和服务采购项目，适宜由中小企业提供的，原则上全部预留给中小企业。',
        '未预留份额的项目，对小微企业报价给予 10% 至 20% 的价格扣除，用扣除后的价格参加评审。',
      ],
      procedure: '中小企业在投标时提交《中小企业声明函》，无需其他证明。',
      effective: '本办法自 2021 年 1 月 1 日起施行。', dept: '区财政局',
    },
    ['政府采购支持中小企业的基本制度。', '参与政府采购的中小企业。', '预留份额与价格扣除。', '价格扣除比例提高到 10%～20%。'],
    [
      item('CN-CZ-2020-12-01', '政府采购小微企业价格扣除', '区财政局', {
        mode: 'instant', days: 0, amount: '报价扣除 10%～20% 后参与评审',
        cond: C.all(C.smallMicro()),
        free: ['提供本企业制造的货物或承担的服务'],
        materials: mats('form', 'license', 'pledge'),
        keyPoints: '投标时提交《中小企业声明函》即可。声明不实的按提供虚假材料处理。',
      }),
      item('CN-CZ-2020-12-02', '政府采购预留份额', '区财政局', {
        mode: 'instant', days: 0, amount: '200 万元以下项目原则上全部预留',
        cond: C.all(C.sme()),
        free: ['提供本企业制造的货物或承担的服务'],
        materials: mats('form', 'license', 'pledge'),
        keyPoints: '采购公告中注明预留的项目只允许中小企业参加。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-SJ-2025-13', title: '滨江区知识产权质押融资贴息办法', docNo: '杭滨市监〔2025〕6号', issuer: '杭州市滨江区市场监督管理局', level: 'district', category: 'rights', publish: '2025-04-25' },
    {
      purpose: '拓宽科技型企业融资渠道，促进知识产权价值实现',
      scope: '在滨江区注册、以专利权或商标权质押获得银行贷款的中小企业',
      standards: [
        '按实际支付利息的 50% 给予贴息，单个企业每年最高 50 万元。',
        '质押融资发生的评估费、担保费，按实际发生额的 50% 给予补助，最高 10 万元。',
      ],
      procedure: '企业在贷款结息后向区市场监管局提出申请。',
      effective: '本办法自发布之日起施行。', dept: '区市场监管局',
    },
    ['知识产权质押是轻资产企业的重要融资方式。', '滨江区以知识产权质押贷款的中小企业。', '贴息 50%，评估担保费补助 50%。', '新增商标权质押。'],
    [
      item('BJ-SJ-2025-13-01', '知识产权质押融资贴息', '区市场监管局', {
        window: win('2026-11-10', '2026-12-31'), days: 20, amount: '按利息 50% 贴息，每年最高 50 万元', max: 50,
        cond: C.all(C.district(), C.sme()),
        free: ['质押登记已在国家知识产权局办理'],
        materials: mats('license', 'form', 'loan', 'ip', 'invoice'),
        keyPoints: '以银行利息单为准。贷款用途须为生产经营。',
      }),
      item('BJ-SJ-2025-13-02', '质押融资评估担保费补助', '区市场监管局', {
        window: win('2026-11-10', '2026-12-31'), days: 20, amount: '按费用 50% 补助，最高 10 万元', max: 10,
        cond: C.all(C.district(), C.sme()),
        free: ['评估机构具备资产评估资质'],
        materials: mats('license', 'form', 'contract', 'invoice'),
        keyPoints: '与贴息同时申报。关联机构收取的费用不予补助。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-JR-2025-14', title: '杭州市政策性融资担保费补贴办法', docNo: '杭金融〔2025〕7号', issuer: '杭州市地方金融管理局', level: 'city', category: 'rights', publish: '2025-02-14' },
    {
      purpose: '降低小微企业融资担保成本',
      scope: '在杭州市注册、通过政策性融资担保机构获得贷款担保的小微企业',
      standards: ['政策性融资担保机构对小微企业的担保费率不高于 1%，由财政按担保额的 0.5% 给予担保费补贴。'],
      procedure: '担保机构在放款后直接为企业办理降费，企业无需申请。',
      effective: '本办法自发布之日起施行。', dept: '区金融办',
    },
    ['政府性融资担保支持小微企业。', '杭州市小微企业。', '担保费率不高于 1%，补贴直接抵减。', '费率上限由 1.5% 降为 1%。'],
    [
      item('HZ-JR-2025-14-01', '政策性融资担保费补贴', '区金融办', {
        mode: 'no_application', days: 5, amount: '按担保额 0.5% 补贴', max: 5,
        cond: C.all(C.city(), C.smallMicro()),
        free: ['通过政策性融资担保机构获得担保贷款'],
        materials: mats('license', 'loan', 'contract'),
        keyPoints: '由担保机构直接抵减担保费。企业可在担保合同中查看。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-RS-2025-15', title: '滨江区高层次人才子女就学和医疗保障办法', docNo: '杭滨人社〔2025〕15号', issuer: '杭州市滨江区人力资源和社会保障局', level: 'district', category: 'rights', publish: '2025-08-01' },
    {
      purpose: '做好高层次人才服务保障，解决人才后顾之忧',
      scope: '在滨江区企业全职工作并经认定的 A 至 E 类高层次人才',
      standards: [
        '高层次人才子女就读义务教育阶段学校的，由区教育部门统筹安排。',
        '高层次人才可享受区级医院就医绿色通道和年度健康体检服务。',
      ],
      procedure: '人才所在企业向区人力社保局提交申请，由相关部门协同办理。',
      effective: '本办法自发布之日起施行。', dept: '区人力社保局',
    },
    ['以服务保障增强人才黏性。', '经认定的高层次人才。', '子女就学统筹、就医绿色通道。', '新增年度健康体检。'],
    [
      item('BJ-RS-2025-15-01', '高层次人才子女就学安排', '区人力社保局', {
        window: win('2026-04-01', '2026-05-31'), days: 30,
        cond: C.all(C.district()),
        free: ['人才经认定为 A 至 E 类高层次人才', '人才在滨江区企业全职工作'],
        materials: mats('license', 'form', 'idCard', 'labour', 'other'),
        keyPoints: '每年春季集中受理。由区教育部门统筹安排学位。',
      }),
      item('BJ-RS-2025-15-02', '高层次人才就医绿色通道', '区人力社保局', {
        window: null, mode: 'instant', days: 5,
        cond: C.all(C.district()),
        free: ['人才经认定为 A 至 E 类高层次人才'],
        materials: mats('idCard', 'form', 'labour'),
        keyPoints: '办理后发放服务卡。服务卡有效期与人才认定有效期一致。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-JR-2024-16', title: '滨江区 2024 年小微企业首贷贴息', docNo: '杭滨金融〔2024〕2号', issuer: '杭州市滨江区人民政府金融工作办公室', level: 'district', category: 'rights', publish: '2024-02-20', expiry: '2024-12-31', status: 'expired' },
    {
      purpose: '支持小微企业获得首笔银行贷款',
      scope: '在滨江区注册、2024 年首次获得银行贷款的小微企业',
      standards: ['按首笔贷款实际支付利息的 30% 给予贴息，最高 5 万元。'],
      procedure: '企业在贷款结清或满一年后申请。',
      effective: '本办法执行至 2024 年 12 月 31 日，已到期。', dept: '区金融办',
    },
    ['阶段性首贷支持政策。', '首次获得贷款的小微企业。', '贴息 30%，最高 5 万元。', '已到期。'],
    [
      item('BJ-JR-2024-16-01', '小微企业首贷贴息', '区金融办', {
        window: win('2024-03-01', '2024-12-31'), days: 20, amount: '按利息 30% 贴息，最高 5 万元', max: 5,
        cond: C.all(C.district(), C.smallMicro()),
        free: ['2024 年首次获得银行贷款'],
        materials: mats('license', 'loan', 'form'),
        keyPoints: '政策已到期，不再受理。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-JX-2025-17', title: '杭州市中小企业公共服务券实施办法', docNo: '杭经信〔2025〕30号', issuer: '杭州市经济和信息化局', level: 'city', category: 'rights', publish: '2025-07-22' },
    {
      purpose: '引导中小企业使用专业服务，提升管理水平',
      scope: '在杭州市注册的中小微企业',
      standards: ['企业可申领服务券，用于购买管理咨询、法律、财税、人力资源等专业服务，每家企业每年最高 5 万元，抵扣服务费用的 50%。'],
      procedure: '企业在“杭州中小企业服务平台”申领，服务机构完成服务后兑付。',
      effective: '本办法自发布之日起施行。', dept: '市经信局',
    },
    ['以服务券撬动专业服务需求。', '杭州市中小微企业。', '每年最高 5 万元，抵扣 50%。', '服务范围新增数字化咨询。'],
    [
      item('HZ-JX-2025-17-01', '中小企业公共服务券申领', '区经信局', {
        window: null, mode: 'instant', days: 3, amount: '每年最高 5 万元', max: 5,
        cond: C.all(C.city(), C.sme()),
        free: [NO_BAD_CREDIT],
        materials: mats('license', 'form', 'pledge'),
        keyPoints: '在线申领即时到账。服务券有效期一年。',
      }),
      item('HZ-JX-2025-17-02', '公共服务券兑付', '市经信局', {
        window: null, days: 15, amount: '按服务费用 50% 兑付', max: 5,
        cond: C.all(C.city()),
        free: ['服务机构已入驻杭州中小企业服务平台'],
        materials: mats('contract', 'invoice', 'form'),
        keyPoints: '由服务机构申请兑付。企业须在平台上确认服务完成。',
      }),
    ],
  ),
];
