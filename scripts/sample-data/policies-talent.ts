import { C, item, mats, NO_BAD_CREDIT, NO_DUP, policy, win } from './common';

// 人才与就业类: 区人力社保局 / 市人力社保局 / 区住建局.

export const TALENT_POLICIES = [
  policy(
    { id: 'BJ-RS-2025-01', title: '滨江区人才公寓和租赁补贴实施办法', docNo: '杭滨人社〔2025〕4号', issuer: '杭州市滨江区人力资源和社会保障局', level: 'district', category: 'rights', publish: '2025-02-28' },
    {
      purpose: '改善人才居住条件，增强人才集聚能力',
      scope: '在滨江区企业工作、本人及配偶在杭州市区无自有住房的全日制本科及以上学历人才',
      standards: [
        '区人才公寓面向企业人才配租，租金不高于同地段市场租金的 70%，租期最长三年。',
        '未入住人才公寓的，按硕士每月 1500 元、本科每月 1000 元发放租赁补贴，最长三年。',
      ],
      procedure: '人才所在企业统一向区人力社保局申报，区住建局负责人才公寓配租。',
      effective: '本办法自 2025 年 3 月 1 日起施行。', dept: '区人力社保局',
    },
    ['人才住房是企业引才的主要顾虑之一。', '滨江区企业的本科及以上学历人才。', '公寓配租与租赁补贴二选一。', '租赁补贴期限由两年延长为三年。'],
    [
      item('BJ-RS-2025-01-01', '人才公寓配租', '区住建局', {
        window: win('2026-11-01', '2026-11-30'), days: 30, amount: '租金不高于市场租金的 70%',
        cond: C.all(C.district()),
        free: ['人才本人及配偶在杭州市区无自有住房', '与企业签订一年以上劳动合同并缴纳社保', NO_DUP],
        materials: mats('license', 'form', 'idCard', 'degree', 'labour', 'social'),
        keyPoints: '由企业统一申报，按积分排序配租。租期最长三年，期满须退租。',
      }),
      item('BJ-RS-2025-01-02', '人才租赁补贴', '区人力社保局', {
        window: null, days: 20, amount: '硕士每月 1500 元，本科每月 1000 元', max: 5.4,
        cond: C.all(C.district()),
        free: ['人才本人及配偶在杭州市区无自有住房', '未入住人才公寓'],
        materials: mats('idCard', 'degree', 'labour', 'social', 'lease'),
        keyPoints: '常年受理，按季度发放。离职或购房后停发。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-RS-2025-02', title: '滨江区高层次人才创业扶持办法', docNo: '杭滨人社〔2025〕6号', issuer: '杭州市滨江区人力资源和社会保障局', level: 'district', category: 'award', publish: '2025-04-01' },
    {
      purpose: '吸引海内外高层次人才来滨江创新创业',
      scope: '由高层次人才作为第一大股东、在滨江区新注册不满三年的企业',
      standards: [
        '经评审入选的创业项目，给予 100 万元至 500 万元的项目资助，分期拨付。',
        '入选项目租用办公用房的，三年内按每年最高 200 平方米给予租金全额补贴。',
      ],
      procedure: '项目每年集中申报，区人力社保局组织专家评审和实地考察。',
      effective: '本办法自发布之日起施行。', dept: '区人力社保局',
    },
    ['以项目资助带动高层次人才落地。', '高层次人才创办的初创企业。', '资助分三档，租金三年全额补贴。', '资助上限由 300 万元提高到 500 万元。'],
    [
      item('BJ-RS-2025-02-01', '高层次人才创业项目资助', '区人力社保局', {
        window: win('2026-06-01', '2026-07-15'), days: 60, amount: '100 万元至 500 万元', max: 500,
        cond: C.all(C.district(), C.within(3, '成立不满 3 年')),
        free: ['高层次人才为企业第一大股东且持股不低于 30%', '人才全职在企业工作', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'plan', 'idCard', 'degree', 'ip'),
        keyPoints: '须经专家评审和答辩。资助分三期拨付，与考核挂钩。',
        expert: true,
      }),
      item('BJ-RS-2025-02-02', '高层次人才创业办公用房补贴', '区人力社保局', {
        window: null, days: 20, amount: '每年最高 200 平方米租金全额补贴', max: 30,
        cond: C.all(C.district(), C.within(3, '成立不满 3 年')),
        free: ['已入选区高层次人才创业项目'],
        materials: mats('license', 'lease', 'rent'),
        keyPoints: '按年度申请。转租、空置的不予补贴。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-RS-2025-03', title: '杭州市青年人才就业见习补贴办法', docNo: '杭人社发〔2025〕19号', issuer: '杭州市人力资源和社会保障局', level: 'city', category: 'award', publish: '2025-05-20', expiry: '2027-12-31' },
    {
      purpose: '帮助高校毕业生等青年积累工作经验，提升就业能力',
      scope: '在杭州市注册并经认定为就业见习基地的企业',
      standards: [
        '见习基地接收离校两年内未就业高校毕业生见习的，按当地最低工资标准的 60% 给予见习补贴，最长 12 个月。',
        '见习期满留用率达到 50% 以上的，见习补贴标准提高到最低工资标准的 70%。',
      ],
      procedure: '见习基地按季度向所在区县人力社保局申请。',
      effective: '本办法自 2025 年 6 月 1 日起施行。', dept: '市人力社保局',
    },
    ['青年就业是稳就业的重点。', '杭州市就业见习基地。', '按最低工资的 60%～70% 补贴。', '新增留用率激励。'],
    [
      item('HZ-RS-2025-03-01', '就业见习补贴', '区人力社保局', {
        window: null, days: 20, amount: '按最低工资标准 60% 补贴，每人最长 12 个月', max: 2.0,
        cond: C.all(C.city()),
        free: ['已认定为就业见习基地', '见习人员为离校两年内未就业高校毕业生'],
        materials: mats('license', 'form', 'idCard', 'degree', 'contract'),
        keyPoints: '按季度申请。见习协议须在见习开始后 15 日内备案。',
      }),
      item('HZ-RS-2025-03-02', '见习留用提标补贴', '区人力社保局', {
        window: null, days: 20, amount: '补贴标准提高到最低工资的 70%', max: 2.3,
        cond: C.all(C.city()),
        free: ['见习期满留用率达到 50% 以上'],
        materials: mats('license', 'form', 'labour', 'social'),
        keyPoints: '留用人员须签订一年以上劳动合同。按年度一次性补差。',
      }),
    ],
  ),
  policy(
    { id: 'ZJ-RS-2025-04', title: '浙江省失业保险稳岗返还和技能提升补贴实施办法', docNo: '浙人社发〔2025〕8号', issuer: '浙江省人力资源和社会保障厅', level: 'province', category: 'relief', publish: '2025-03-25' },
    {
      purpose: '支持企业稳定就业岗位，鼓励职工提升职业技能',
      scope: '在浙江省参加失业保险并足额缴费的企业和职工',
      standards: [
        '上年度未裁员或裁员率不高于全国城镇调查失业率控制目标的企业，中小微企业按上年实际缴纳失业保险费的 60% 返还，大型企业按 30% 返还。',
        '参保职工取得职业资格证书或职业技能等级证书的，按初级 1000 元、中级 1500 元、高级 2000 元给予技能提升补贴。',
      ],
      procedure: '稳岗返还由人力社保部门按参保数据比对后直接返还；技能提升补贴由职工本人申请。',
      effective: '本办法自发布之日起施行。', dept: '区人力社保局',
    },
    ['稳岗返还是失业保险基金支持稳就业的主要方式。', '全省参保企业和职工。', '稳岗返还免申即享，中小微企业返还 60%。', '中小微企业返还比例由 50% 提高到 60%。'],
    [
      item('ZJ-RS-2025-04-01', '失业保险稳岗返还', '区人力社保局', {
        mode: 'no_application', days: 15, amount: '中小微企业返还上年失业保险费的 60%', max: 50,
        cond: C.all(C.province(), C.cmp('employees', '>=', 1, '有参保职工')),
        free: ['上年度裁员率不高于控制目标', '无欠缴社会保险费'],
        materials: mats('license', 'social', 'bank'),
        keyPoints: '系统比对参保数据后直接返还至企业对公账户。企业无需申请。',
      }),
      item('ZJ-RS-2025-04-02', '技能提升补贴', '区人力社保局', {
        window: null, days: 15, amount: '初级 1000 元、中级 1500 元、高级 2000 元', max: 0.2,
        cond: null,
        free: ['职工参加失业保险累计满 1 年', '证书在取证之日起 12 个月内申请'],
        materials: mats('idCard', 'social', 'other'),
        keyPoints: '由职工本人通过浙里办申请。同一职业同一等级只能享受一次。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-RS-2025-05', title: '滨江区企业吸纳就业社会保险补贴办法', docNo: '杭滨人社〔2025〕9号', issuer: '杭州市滨江区人力资源和社会保障局', level: 'district', category: 'award', publish: '2025-05-12' },
    {
      purpose: '鼓励企业吸纳高校毕业生和就业困难人员就业',
      scope: '在滨江区注册、吸纳离校两年内高校毕业生或就业困难人员就业的小微企业',
      standards: [
        '小微企业招用离校两年内高校毕业生，签订一年以上劳动合同并缴纳社会保险费的，按企业实际缴纳的养老、医疗、失业保险费给予补贴，最长一年。',
        '企业招用就业困难人员的，按上述标准给予补贴，最长三年。',
      ],
      procedure: '企业在申报期内通过浙江政务服务网提交申请。',
      effective: '本办法自发布之日起施行。', dept: '区人力社保局',
    },
    ['以社保补贴降低企业用工成本。', '滨江区小微企业。', '按实缴社保费补贴。', '申报改为网上办理。'],
    [
      item('BJ-RS-2025-05-01', '吸纳高校毕业生社保补贴', '区人力社保局', {
        window: win('2026-11-15', '2026-12-31'), days: 20, amount: '按企业实缴社保费补贴，最长 1 年', max: 20,
        cond: C.all(C.district(), C.smallMicro()),
        free: ['招用离校两年内高校毕业生并签订一年以上劳动合同'],
        materials: mats('license', 'form', 'labour', 'social', 'degree'),
        keyPoints: '以社保缴费记录核定补贴金额。同一人员不重复享受。',
      }),
      item('BJ-RS-2025-05-02', '吸纳就业困难人员社保补贴', '区人力社保局', {
        window: win('2026-11-15', '2026-12-31'), days: 20, amount: '按企业实缴社保费补贴，最长 3 年', max: 30,
        cond: C.all(C.district()),
        free: ['招用经认定的就业困难人员'],
        materials: mats('license', 'form', 'labour', 'social', 'idCard'),
        keyPoints: '就业困难人员须持有认定证明。补贴按季度拨付。',
      }),
    ],
  ),
  policy(
    { id: 'HZ-RS-2024-06', title: '杭州市创业担保贷款贴息管理办法', docNo: '杭人社发〔2024〕33号', issuer: '杭州市人力资源和社会保障局', level: 'city', category: 'rights', publish: '2024-09-10' },
    {
      purpose: '缓解创业者和小微企业融资难题',
      scope: '在杭州市创业的个人，以及当年新招用符合条件人员达到规定比例的小微企业',
      standards: [
        '个人创业担保贷款最高 50 万元，期限不超过三年，按贷款市场报价利率给予全额贴息。',
        '小微企业创业担保贷款最高 300 万元，按贷款市场报价利率的 50% 给予贴息。',
      ],
      procedure: '借款人向经办银行和担保机构提出申请，人力社保部门审核资格。',
      effective: '本办法自 2024 年 10 月 1 日起施行。', dept: '市人力社保局',
    },
    ['创业担保贷款是普惠性融资支持。', '杭州市创业个人和小微企业。', '个人全额贴息，企业贴息 50%。', '小微企业额度提高到 300 万元。'],
    [
      item('HZ-RS-2024-06-01', '个人创业担保贷款贴息', '区人力社保局', {
        window: null, days: 15, amount: '贷款最高 50 万元，全额贴息', max: 50,
        cond: null,
        free: ['借款人为高校毕业生、退役军人、就业困难人员等重点群体', '借款人无不良信用记录'],
        materials: mats('idCard', 'license', 'loan', 'pledge'),
        keyPoints: '贴息按季度结算。贷款逾期的停止贴息。',
      }),
      item('HZ-RS-2024-06-02', '小微企业创业担保贷款贴息', '区人力社保局', {
        window: null, days: 20, amount: '贷款最高 300 万元，贴息 50%', max: 300,
        cond: C.all(C.city(), C.smallMicro()),
        free: ['当年新招用符合条件人员占职工总数 15% 以上', NO_BAD_CREDIT],
        materials: mats('license', 'loan', 'labour', 'social'),
        keyPoints: '超过 100 人的企业比例降为 8%。经办银行审批后办理贴息资格。',
      }),
    ],
  ),
  policy(
    { id: 'BJ-RS-2025-07', title: '滨江区大学生创业扶持办法', docNo: '杭滨人社〔2025〕12号', issuer: '杭州市滨江区人力资源和社会保障局', level: 'district', category: 'award', publish: '2025-07-15' },
    {
      purpose: '激发大学生创业热情，以创业带动就业',
      scope: '毕业五年内的高校毕业生在滨江区创办、本人为法定代表人的企业',
      standards: [
        '创办企业正常经营满六个月、带动就业 3 人以上的，给予一次性创业补助 5 万元。',
        '租用经营场地的，按每年最高 2 万元给予场地租金补贴，最长三年。',
      ],
      procedure: '创业者向区人力社保局提交申请，经核实后拨付。',
      effective: '本办法自发布之日起施行。', dept: '区人力社保局',
    },
    ['支持大学生以创业实现就业。', '毕业五年内大学生在滨江区创办的企业。', '一次性补助 5 万元，租金补贴三年。', '带动就业要求由 5 人降为 3 人。'],
    [
      item('BJ-RS-2025-07-01', '大学生创业一次性补助', '区人力社保局', {
        window: null, days: 20, amount: '一次性补助 5 万元', max: 5,
        cond: C.all(C.district(), C.within(3, '成立不满 3 年'), C.cmp('employees', '>=', 3, '从业人员不少于 3 人')),
        free: ['法定代表人为毕业五年内高校毕业生', '正常经营满六个月'],
        materials: mats('license', 'form', 'idCard', 'degree', 'social'),
        keyPoints: '以社保缴费记录认定带动就业人数。每个创业者只能享受一次。',
      }),
      item('BJ-RS-2025-07-02', '大学生创业场地租金补贴', '区人力社保局', {
        window: null, days: 20, amount: '每年最高 2 万元，最长 3 年', max: 6,
        cond: C.all(C.district(), C.within(3, '成立不满 3 年'), C.smallMicro()),
        free: ['法定代表人为毕业五年内高校毕业生', '未入驻政府免费创业场地'],
        materials: mats('license', 'lease', 'rent', 'degree'),
        keyPoints: '按年度申请。租赁合同须经备案。',
      }),
    ],
  ),
];
