import { C, item, mats, NO_BAD_CREDIT, policy, win } from './common';

// 税费减免类: 国家和省级税费政策，由区税务局受理（示例文本，非原文）.

const TAX_FREE = ['企业自行判别、申报享受，相关资料留存备查'];

export const TAX_POLICIES = [
  policy(
    { id: 'CN-SW-2023-01', title: '关于进一步完善研发费用税前加计扣除政策的公告（示例）', docNo: '财税〔2023〕7号', issuer: '财政部 国家税务总局', level: 'national', category: 'relief', publish: '2023-03-26' },
    {
      purpose: '进一步激励企业加大研发投入，支持科技创新',
      scope: '会计核算健全、实行查账征收并能够准确归集研发费用的居民企业，烟草制造业、住宿和餐饮业等负面清单行业除外',
      standards: [
        '企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在据实扣除的基础上，再按照实际发生额的 100% 在税前加计扣除。',
        '形成无形资产的，按照无形资产成本的 200% 在税前摊销。',
      ],
      procedure: '企业可在预缴申报时选择享受，也可在年度汇算清缴时统一享受。',
      effective: '本公告自 2023 年 1 月 1 日起执行。', dept: '区税务局',
    },
    ['将制造业企业 100% 加计扣除比例扩大到所有符合条件的行业。', '查账征收的居民企业（负面清单行业除外）。', '费用化 100% 加计，资本化按 200% 摊销。', '统一各行业加计扣除比例，并作为制度性安排长期实施。'],
    [
      item('CN-SW-2023-01-01', '研发费用加计扣除（预缴申报享受）', '区税务局', {
        mode: 'instant', days: 0, amount: '按研发费用实际发生额的 100% 加计扣除',
        cond: C.all(C.cmp('rndExpense', '>', 0, '上年有研发费用'), C.not({ field: 'industryCode', prefix: ['C16', 'H'], label: '烟草制造业、住宿和餐饮业' })),
        free: TAX_FREE,
        materials: mats('taxReturn', 'rndAudit', 'other'),
        keyPoints: '10 月份预缴申报时可就前三季度研发费用享受。研发支出辅助账须留存备查。',
      }),
      item('CN-SW-2023-01-02', '研发费用加计扣除（年度汇算享受）', '区税务局', {
        window: win('2026-01-01', '2026-05-31'), mode: 'instant', days: 0, amount: '按研发费用实际发生额的 100% 加计扣除',
        cond: C.all(C.cmp('rndExpense', '>', 0, '上年有研发费用'), C.not({ field: 'industryCode', prefix: ['C16', 'H'], label: '烟草制造业、住宿和餐饮业' })),
        free: TAX_FREE,
        materials: mats('taxReturn', 'rndAudit', 'audit'),
        keyPoints: '在汇算清缴期内填报《研发费用加计扣除优惠明细表》。委托境外研发按 80% 计入。',
      }),
    ],
  ),
  policy(
    { id: 'CN-SW-2023-02', title: '关于小微企业和个体工商户所得税优惠政策的公告（示例）', docNo: '财税〔2023〕12号', issuer: '财政部 国家税务总局', level: 'national', category: 'relief', publish: '2023-08-02', expiry: '2027-12-31' },
    {
      purpose: '进一步支持小微企业和个体工商户发展',
      scope: '从事国家非限制和禁止行业，年度应纳税所得额不超过 300 万元、从业人数不超过 300 人、资产总额不超过 5000 万元的小型微利企业',
      standards: ['对小型微利企业减按 25% 计算应纳税所得额，按 20% 的税率缴纳企业所得税。'],
      procedure: '企业在预缴和汇算清缴时通过填写纳税申报表自行享受，无需备案。',
      effective: '本公告执行至 2027 年 12 月 31 日。', dept: '区税务局',
    },
    ['延续实施小型微利企业所得税优惠。', '符合小型微利企业条件的企业。', '实际税负 5%，申报即享。', '政策执行期延长至 2027 年底。'],
    [
      item('CN-SW-2023-02-01', '小型微利企业所得税减免', '区税务局', {
        mode: 'no_application', days: 0, amount: '实际税负 5%',
        cond: C.all(C.cmp('employees', '<=', 300, '从业人数不超过 300 人'), C.cmp('totalAssets', '<=', 5000, '资产总额不超过 5000 万元')),
        free: ['年度应纳税所得额不超过 300 万元', '从事国家非限制和禁止行业'],
        materials: mats('taxReturn', 'audit', 'other'),
        keyPoints: '申报系统根据填报数据自动判断并计算减免税额。从业人数和资产总额按全年季度平均值计算。',
      }),
    ],
  ),
  policy(
    { id: 'CN-SW-2022-03', title: '关于进一步加大增值税期末留抵退税政策实施力度的公告（示例）', docNo: '财税〔2022〕14号', issuer: '财政部 国家税务总局', level: 'national', category: 'relief', publish: '2022-03-21' },
    {
      purpose: '加快退还增值税期末留抵税额，缓解企业资金压力',
      scope: '符合条件的小微企业和制造业等行业企业',
      standards: [
        '纳税信用等级为 A 级或者 B 级、申请退税前 36 个月未发生骗取留抵退税等情形的，可按月向主管税务机关申请退还增量留抵税额。',
        '符合条件的制造业等行业企业，可一次性申请退还存量留抵税额。',
      ],
      procedure: '纳税人在增值税纳税申报期内通过电子税务局提交《退（抵）税申请表》。',
      effective: '本公告自 2022 年 4 月 1 日起施行。', dept: '区税务局',
    },
    ['大规模留抵退税是减税降费的重要措施。', '小微企业和制造业等行业企业。', '增量按月退，存量一次性退。', '扩大存量退税的行业范围。'],
    [
      item('CN-SW-2022-03-01', '增量留抵退税', '区税务局', {
        mode: 'instant', days: 5, amount: '按增量留抵税额全额退还',
        cond: C.any(C.smallMicro(), C.manufacturing()),
        free: ['纳税信用等级为 A 级或 B 级', '申请退税前 36 个月未发生骗取退税、虚开发票等情形'],
        materials: mats('taxReturn', 'form', 'bank'),
        keyPoints: '在申报期内通过电子税务局申请。退税后须按规定转出进项税额。',
      }),
      item('CN-SW-2022-03-02', '制造业存量留抵退税', '区税务局', {
        mode: 'instant', days: 5, amount: '一次性退还存量留抵税额',
        cond: C.all(C.manufacturing()),
        free: ['纳税信用等级为 A 级或 B 级', '未享受即征即退或先征后返政策'],
        materials: mats('taxReturn', 'form', 'bank'),
        keyPoints: '存量留抵税额以 2019 年 3 月底与当期期末留抵税额孰小为准。只能申请一次。',
      }),
    ],
  ),
  policy(
    { id: 'CN-SW-2016-04', title: '高新技术企业减按 15% 税率征收企业所得税', docNo: '国税〔2016〕24号', issuer: '国家税务总局', level: 'national', category: 'relief', publish: '2016-06-20' },
    {
      purpose: '落实高新技术企业所得税优惠',
      scope: '依法认定并在有效期内的国家高新技术企业',
      standards: ['国家需要重点扶持的高新技术企业，减按 15% 的税率征收企业所得税。'],
      procedure: '企业在预缴申报时自行享受，资格证书等资料留存备查。',
      effective: '本公告自发布之日起施行。', dept: '区税务局',
    },
    ['高企税率优惠是高企认定的核心价值。', '有效期内的高新技术企业。', '税率由 25% 降为 15%。', '取消备案，改为留存备查。'],
    [
      item('CN-SW-2016-04-01', '高新技术企业 15% 优惠税率', '区税务局', {
        mode: 'no_application', days: 0, amount: '企业所得税减按 15% 征收',
        cond: C.all(C.tag('高新技术企业', '持有有效的高新技术企业证书')),
        free: ['当年研发费用、高新技术产品收入等指标仍符合认定条件', ...TAX_FREE],
        materials: mats('hnteCert', 'taxReturn', 'rndAudit'),
        keyPoints: '证书有效期内自动享受。年度指标不达标的应自行补缴税款。',
      }),
      item('CN-SW-2016-04-02', '高新技术企业亏损结转年限延长', '区税务局', {
        mode: 'no_application', days: 0, amount: '亏损结转年限由 5 年延长至 10 年',
        cond: C.all(C.tag('高新技术企业', '具备高新技术企业资格')),
        free: ['以前年度发生亏损尚未弥补完毕', ...TAX_FREE],
        materials: mats('hnteCert', 'taxReturn', 'audit'),
        keyPoints: '按具备资格年度之前 5 个年度的亏损计算。汇算清缴时填报弥补亏损明细表。',
      }),
    ],
  ),
  policy(
    { id: 'ZJ-SW-2024-05', title: '浙江省房产税城镇土地使用税困难减免办法', docNo: '浙税发〔2024〕15号', issuer: '国家税务总局浙江省税务局', level: 'province', category: 'relief', publish: '2024-04-18', expiry: '2026-12-31' },
    {
      purpose: '帮助生产经营困难的纳税人渡过难关',
      scope: '因风、火、水、地震等自然灾害或其他不可抗力，以及生产经营发生重大困难，缴纳房产税、城镇土地使用税确有困难的纳税人',
      standards: [
        '因自然灾害等不可抗力遭受重大损失的，可酌情减征或免征当年房产税、城镇土地使用税。',
        '上年度亏损且亏损额占营业收入比例较高的小微企业，可申请减征房产税、城镇土地使用税。',
      ],
      procedure: '纳税人向主管税务机关提交申请和困难情况说明，税务机关核实后作出决定。',
      effective: '本办法执行至 2026 年 12 月 31 日。', dept: '区税务局',
    },
    ['为困难企业提供房土两税减免。', '确有困难的纳税人。', '依申请核准减免。', '增加小微企业亏损情形。'],
    [
      item('ZJ-SW-2024-05-01', '房产税城镇土地使用税困难减免', '区税务局', {
        window: win('2026-10-01', '2026-12-15'), mode: 'commitment', days: 20, amount: '减征或免征当年房土两税',
        cond: C.all(C.province(), C.smallMicro()),
        free: ['上年度经营亏损或遭受不可抗力重大损失', '无欠税记录'],
        materials: mats('form', 'hardship', 'audit', 'taxReturn', 'other'),
        keyPoints: '须提交困难情况说明并经税务机关实地核实。减免以一年为限。',
        expert: true,
      }),
      item('ZJ-SW-2024-05-02', '不可抗力损失房土两税减免', '区税务局', {
        window: null, days: 15, amount: '按损失程度减征或免征',
        cond: C.all(C.province()),
        free: ['因自然灾害等不可抗力遭受重大损失', '损失已经保险或相关部门核定'],
        materials: mats('form', 'hardship', 'photos', 'other'),
        keyPoints: '损失发生后 3 个月内申请。受灾房产、土地须单独核算。',
      }),
    ],
  ),
  policy(
    { id: 'CN-SW-2023-06', title: '关于进一步支持小微企业和个体工商户发展有关税费政策的公告（示例）', docNo: '财税〔2023〕13号', issuer: '财政部 国家税务总局', level: 'national', category: 'relief', publish: '2023-08-02', expiry: '2027-12-31' },
    {
      purpose: '减轻小微企业和个体工商户税费负担',
      scope: '增值税小规模纳税人、小型微利企业和个体工商户',
      standards: ['对上述主体减半征收资源税、城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加（“六税两费”）。'],
      procedure: '纳税人在申报时由系统自动计算减免，无需申请。',
      effective: '本公告执行至 2027 年 12 月 31 日。', dept: '区税务局',
    },
    ['“六税两费”减征范围扩大到小型微利企业和个体工商户。', '小规模纳税人、小型微利企业和个体工商户。', '八个税费种减半征收。', '执行期延长至 2027 年底。'],
    [
      item('CN-SW-2023-06-01', '“六税两费”减半征收', '区税务局', {
        mode: 'no_application', days: 0, amount: '减半征收',
        cond: C.all(C.smallMicro()),
        free: ['为增值税小规模纳税人、小型微利企业或个体工商户'],
        materials: mats('taxReturn', 'license', 'other'),
        keyPoints: '申报系统自动计算减免税额。与其他减免可叠加享受。',
      }),
      item('CN-SW-2023-06-02', '小规模纳税人增值税减按 1% 征收', '区税务局', {
        mode: 'no_application', days: 0, amount: '征收率由 3% 减按 1%',
        cond: C.all(C.cmp('revenue', '<=', 500, '年应税销售额不超过 500 万元')),
        free: ['为增值税小规模纳税人'],
        materials: mats('taxReturn', 'license', 'invoice'),
        keyPoints: '开具发票时选择 1% 征收率。月销售额 10 万元以下的免征增值税。',
      }),
    ],
  ),
  policy(
    { id: 'ZJ-CZ-2024-07', title: '浙江省残疾人就业保障金分档减缴办法', docNo: '浙财综〔2024〕10号', issuer: '浙江省财政厅', level: 'province', category: 'relief', publish: '2024-01-15', expiry: '2027-12-31' },
    {
      purpose: '减轻用人单位负担，促进残疾人就业',
      scope: '在浙江省依法缴纳残疾人就业保障金的用人单位',
      standards: [
        '在职职工人数 30 人（含）以下的企业，暂免征收残疾人就业保障金。',
        '安排残疾人就业比例达到 1% 及以上但未达到规定比例的，按应缴费额的 50% 征收；未达到 1% 的，按应缴费额的 90% 征收。',
      ],
      procedure: '由税务机关按申报数据自动计算减免，无需申请。',
      effective: '本办法自 2024 年 1 月 1 日起执行，至 2027 年 12 月 31 日止。', dept: '区财政局',
    },
    ['延续残保金分档减缴。', '省内缴纳残保金的用人单位。', '30 人以下免征，其余分档减缴。', '延续执行至 2027 年底。'],
    [
      item('ZJ-CZ-2024-07-01', '小微企业残保金暂免征收', '区税务局', {
        mode: 'no_application', days: 0, amount: '暂免征收',
        cond: C.all(C.province(), C.cmp('employees', '<=', 30, '在职职工不超过 30 人')),
        free: [],
        materials: mats('social', 'taxReturn', 'license'),
        keyPoints: '以上年在职职工人数判断。申报时系统自动免征。',
      }),
      item('ZJ-CZ-2024-07-02', '残保金分档减缴', '区税务局', {
        mode: 'no_application', days: 0, amount: '按应缴费额的 50% 或 90% 征收',
        cond: C.all(C.province(), C.cmp('employees', '>', 30, '在职职工超过 30 人')),
        free: ['按安排残疾人就业比例分档'],
        materials: mats('social', 'taxReturn', 'labour'),
        keyPoints: '安排比例达到 1% 的按 50% 征收。比例以年度审核结果为准。',
      }),
    ],
  ),
  policy(
    { id: 'CN-RS-2022-08', title: '关于阶段性缓缴社会保险费的通知（示例）', docNo: '人社部发〔2022〕31号', issuer: '人力资源社会保障部 财政部 国家税务总局', level: 'national', category: 'relief', publish: '2022-05-30', expiry: '2022-12-31', status: 'expired' },
    {
      purpose: '帮助受疫情影响的困难行业企业纾困解难',
      scope: '餐饮、零售、旅游、民航、公路水路铁路运输等特困行业企业，以及受疫情影响生产经营困难的中小微企业',
      standards: ['符合条件的企业可申请缓缴养老、失业、工伤保险单位缴费部分，缓缴期间免收滞纳金。'],
      procedure: '企业向社会保险经办机构提出申请，经审核后办理缓缴。',
      effective: '本通知执行至 2022 年 12 月 31 日，已到期。', dept: '区人力社保局',
    },
    ['疫情期间阶段性纾困政策。', '特困行业和困难中小微企业。', '缓缴三项社保费单位部分。', '已到期，仅供查询。'],
    [
      item('CN-RS-2022-08-01', '阶段性缓缴社会保险费', '区人力社保局', {
        window: win('2022-06-01', '2022-12-31'), days: 10, amount: '缓缴单位缴费部分，免收滞纳金',
        cond: C.all(C.sme()),
        free: ['受疫情影响生产经营出现暂时困难', NO_BAD_CREDIT],
        materials: mats('license', 'form', 'hardship'),
        keyPoints: '政策已到期。缓缴期满后须补缴。',
      }),
    ],
  ),
];
