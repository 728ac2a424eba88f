// Names the simulation draws on. All enterprises apart from the seven named in the
// alliance's announcement are fictional; the UI labels devnet data as simulated.
import { asciiToBytes32 } from '../contracts/registry';
import { pick, type Rng } from './rng';

export const SECTORS = [
  'finance',
  'government',
  'logistics',
  'healthcare',
  'manufacturing',
  'energy',
  'agriculture',
  'education',
  'technology',
  'tourism',
] as const;
export type Sector = (typeof SECTORS)[number];

export interface Enterprise {
  /** On-chain name: "English / 中文". */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  sector: Sector;
  /** Relative size: how much it files and produces. */
  size: number;
}

type Row = [en: string, zh: string, country: string, sector: Sector, size?: number];

// The seven named in the announcement come first: the plan admits them on launch day.
const NAMED: Row[] = [
  ['Inspur Group', '浪潮集团', 'CN', 'technology', 16],
  ['Tsinghua Unigroup', '紫光集团', 'CN', 'technology', 9],
  ['Huawei Technologies', '华为技术', 'CN', 'technology', 14],
  ['IBM China', 'IBM中国', 'US', 'technology', 8],
  ['Tencent', '腾讯', 'CN', 'technology', 12],
  ['Alibaba Group', '阿里巴巴集团', 'CN', 'technology', 12],
  ['Baidu', '百度', 'CN', 'technology', 10],
];

const DOMESTIC: Row[] = [
  ['Chongqing Yuzhong Digital Economy Investment', '重庆渝中数字经济投资有限公司', 'CN', 'government', 3],
  ['Chongqing Jiefangbei Chain Technology', '重庆解放碑链科技有限公司', 'CN', 'technology', 2],
  ['Chongqing Chaotianmen Logistics', '重庆朝天门物流有限公司', 'CN', 'logistics', 3],
  ['Chongqing Jialing Fintech', '重庆嘉陵金融科技有限公司', 'CN', 'finance', 4],
  ['Chongqing Liangjiang Smart Manufacturing', '重庆两江智能制造有限公司', 'CN', 'manufacturing', 4],
  ['Chongqing Shancheng Trusted Data', '重庆山城可信数据有限公司', 'CN', 'technology', 2],
  ['Chongqing Yangtze Shipping Services', '重庆长江航运服务有限公司', 'CN', 'logistics', 3],
  ['Chongqing Hongyadong Cultural Tourism', '重庆洪崖洞文化旅游有限公司', 'CN', 'tourism', 1],
  ['Chongqing Ciqikou Heritage Tourism', '重庆磁器口古镇旅游有限公司', 'CN', 'tourism', 1],
  ['Chongqing Wulong Karst Tourism', '重庆武隆喀斯特旅游有限公司', 'CN', 'tourism', 1],
  ['Chongqing Nan\'an Medical Data', '重庆南岸医疗数据有限公司', 'CN', 'healthcare', 2],
  ['Chongqing Xinqiao Health Cloud', '重庆新桥健康云有限公司', 'CN', 'healthcare', 2],
  ['Chongqing Gele Mountain Pharmaceutical', '重庆歌乐山制药有限公司', 'CN', 'healthcare', 2],
  ['Chongqing Beibei Education Technology', '重庆北碚教育科技有限公司', 'CN', 'education', 1],
  ['Chongqing Shapingba Campus Credentials', '重庆沙坪坝学历认证服务有限公司', 'CN', 'education', 1],
  ['Chongqing Jiangbei Supply Chain Finance', '重庆江北供应链金融有限公司', 'CN', 'finance', 3],
  ['Chongqing Yubei Cross-border E-commerce', '重庆渝北跨境电商有限公司', 'CN', 'logistics', 2],
  ['Chongqing Guoyuan Port Operations', '重庆果园港运营有限公司', 'CN', 'logistics', 3],
  ['Chongqing Tuanjie Village Rail Freight', '重庆团结村铁路货运有限公司', 'CN', 'logistics', 3],
  ['Chongqing Xiyong Microelectronics', '重庆西永微电子有限公司', 'CN', 'manufacturing', 5],
  ['Chongqing Changshou Chemical Materials', '重庆长寿化工新材料有限公司', 'CN', 'manufacturing', 2],
  ['Chongqing Fuling Mustard Agriculture', '重庆涪陵榨菜农业科技有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Fengjie Navel Orange Cooperative', '重庆奉节脐橙合作社', 'CN', 'agriculture', 1],
  ['Chongqing Rongchang Pig Breeding Technology', '重庆荣昌生猪育种科技有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Shizhu Chili Agriculture', '重庆石柱辣椒农业发展有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Jiangjin Selenium Agriculture', '重庆江津富硒农业有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Wanzhou Tea Traceability', '重庆万州茶叶溯源科技有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Three Gorges Clean Energy', '重庆三峡清洁能源有限公司', 'CN', 'energy', 4],
  ['Chongqing Fuling Shale Gas', '重庆涪陵页岩气有限公司', 'CN', 'energy', 3],
  ['Chongqing Grid Carbon Services', '重庆电网碳资产服务有限公司', 'CN', 'energy', 3],
  ['Chongqing New Energy Vehicle Battery Recycling', '重庆新能源汽车电池回收有限公司', 'CN', 'energy', 2],
  ['Chongqing Jinyun Cloud Computing', '重庆缙云云计算有限公司', 'CN', 'technology', 3],
  ['Chongqing Yufu Industrial Internet', '重庆渝富工业互联网有限公司', 'CN', 'manufacturing', 4],
  ['Chongqing Dazu Hardware Manufacturing', '重庆大足五金制造有限公司', 'CN', 'manufacturing', 2],
  ['Chongqing Bishan Auto Parts', '重庆璧山汽车零部件有限公司', 'CN', 'manufacturing', 3],
  ['Chongqing Tongliang Dragon Smart Factory', '重庆铜梁龙智慧工厂有限公司', 'CN', 'manufacturing', 2],
  ['Chongqing Hechuan Motorcycle Group', '重庆合川摩托车集团有限公司', 'CN', 'manufacturing', 3],
  ['Chongqing Qijiang Gear Transmission', '重庆綦江齿轮传动有限公司', 'CN', 'manufacturing', 2],
  ['Chongqing Yongchuan Big Data Industrial Park', '重庆永川大数据产业园有限公司', 'CN', 'technology', 3],
  ['Chongqing Xiantao Data Valley', '重庆仙桃数据谷有限公司', 'CN', 'technology', 4],
  ['Chongqing Liangjiang Blockchain Research Institute', '重庆两江区块链研究院', 'CN', 'technology', 5],
  ['Chongqing Zhongxian Digital Village', '重庆忠县数字乡村有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Public Resources Trading Service', '重庆公共资源交易服务有限公司', 'CN', 'government', 3],
  ['Chongqing Government Data Sharing Center', '重庆政务数据共享服务有限公司', 'CN', 'government', 4],
  ['Chongqing Housing Provident Fund Technology', '重庆住房公积金科技有限公司', 'CN', 'government', 2],
  ['Chongqing Judicial Evidence Preservation', '重庆司法存证服务有限公司', 'CN', 'government', 3],
  ['Chongqing Tax Invoice Services', '重庆税务发票服务有限公司', 'CN', 'government', 2],
  ['Chongqing Land Registry Information', '重庆不动产登记信息有限公司', 'CN', 'government', 2],
  ['Chongqing Social Insurance Digital Services', '重庆社保数字服务有限公司', 'CN', 'government', 2],
  ['Chongqing Yuzhong Commercial Bank Tech', '重庆渝中商业银行科技有限公司', 'CN', 'finance', 4],
  ['Chongqing Chuanyu Trade Finance', '重庆川渝贸易金融有限公司', 'CN', 'finance', 3],
  ['Chongqing Western Land-Sea Corridor Finance', '重庆西部陆海通道金融服务有限公司', 'CN', 'finance', 3],
  ['Chongqing Micro-credit Data Services', '重庆小额信贷数据服务有限公司', 'CN', 'finance', 2],
  ['Chongqing Equity Exchange Technology', '重庆股权交易科技有限公司', 'CN', 'finance', 3],
  ['Chongqing Insurance Claims Chain', '重庆保险理赔链科技有限公司', 'CN', 'finance', 2],
  ['Chongqing Jiulongpo Cold Chain', '重庆九龙坡冷链物流有限公司', 'CN', 'logistics', 2],
  ['Chongqing Banan Bonded Logistics', '重庆巴南保税物流有限公司', 'CN', 'logistics', 2],
  ['Chongqing Airport Cargo Services', '重庆机场货运服务有限公司', 'CN', 'logistics', 3],
  ['Chongqing Hotpot Food Safety Traceability', '重庆火锅食品安全溯源有限公司', 'CN', 'agriculture', 1],
  ['Chongqing Medical University Data Lab', '重庆医科大学数据实验室', 'CN', 'healthcare', 2],
  ['Chongqing Children\'s Health Records', '重庆儿童健康档案服务有限公司', 'CN', 'healthcare', 1],
  ['Chongqing Pharmaceutical Logistics', '重庆医药物流有限公司', 'CN', 'healthcare', 2],
  ['Chongqing University Blockchain Lab', '重庆大学区块链实验室', 'CN', 'education', 3],
  ['Chongqing Vocational Skills Certificates', '重庆职业技能证书服务有限公司', 'CN', 'education', 1],
  ['Chongqing Digital Library Services', '重庆数字图书馆服务有限公司', 'CN', 'education', 1],
  ['Chongqing Smart Campus Technology', '重庆智慧校园科技有限公司', 'CN', 'education', 1],
  ['Chongqing Hengyu Information Security', '重庆恒渝信息安全有限公司', 'CN', 'technology', 3],
  ['Chongqing Yunzhi Cryptography', '重庆云智密码技术有限公司', 'CN', 'technology', 3],
  ['Chongqing Shuzhi Identity Services', '重庆数智身份服务有限公司', 'CN', 'technology', 2],
  ['Chongqing Lianxin Software', '重庆链信软件有限公司', 'CN', 'technology', 2],
  ['Chongqing Tianfu IoT Sensors', '重庆天府物联网传感有限公司', 'CN', 'technology', 2],
  ['Chongqing Mingyue Mountain Data Center', '重庆明月山数据中心有限公司', 'CN', 'technology', 2],
  ['Chongqing Hanhai Copyright Services', '重庆瀚海版权服务有限公司', 'CN', 'technology', 1],
  ['Chongqing Zhihui City Operations', '重庆智慧城市运营有限公司', 'CN', 'government', 3],
  ['Chongqing Yuqian Tourism Card', '重庆渝黔旅游一卡通有限公司', 'CN', 'tourism', 1],
  ['Chongqing Yangtze Cruise Line', '重庆长江游轮有限公司', 'CN', 'tourism', 1],
  ['Chongqing Nanchuan Jinfo Mountain Tourism', '重庆南川金佛山旅游有限公司', 'CN', 'tourism', 1],
  ['Chongqing Gas Metering Technology', '重庆燃气计量科技有限公司', 'CN', 'energy', 2],
  ['Chongqing Photovoltaic Power Trading', '重庆光伏电力交易有限公司', 'CN', 'energy', 2],
  ['Chengdu-Chongqing Twin City Data Exchange', '成渝双城数据交易有限公司', 'CN', 'technology', 3],
  ['Sichuan Tianfu Credit Chain', '四川天府信用链科技有限公司', 'CN', 'finance', 2],
  ['Guizhou Big Data Exchange Services', '贵州大数据交易服务有限公司', 'CN', 'technology', 2],
  ['Shenzhen Qianhai Chain Finance', '深圳前海链金融服务有限公司', 'CN', 'finance', 3],
  ['Hangzhou Xixi Ledger Technology', '杭州西溪账本科技有限公司', 'CN', 'technology', 2],
];

const OVERSEAS: Row[] = [
  ['Marina Ledger Labs (Singapore)', '滨海账本实验室（新加坡）', 'SG', 'technology', 3],
  ['Straits Trade Finance Network', '海峡贸易金融网络（新加坡）', 'SG', 'finance', 3],
  ['Lion City Port Digital', '狮城港口数字化公司（新加坡）', 'SG', 'logistics', 2],
  ['Rhine Industrial Chain GmbH', '莱茵工业链有限公司（德国）', 'DE', 'manufacturing', 3],
  ['Duisburg Rail Logistics Hub', '杜伊斯堡铁路物流枢纽（德国）', 'DE', 'logistics', 3],
  ['Bavaria Auto Components Trust', '巴伐利亚汽车零部件可信平台（德国）', 'DE', 'manufacturing', 2],
  ['Kanto Supply Chain Systems', '关东供应链系统株式会社（日本）', 'JP', 'manufacturing', 3],
  ['Osaka Medical Informatics', '大阪医疗信息株式会社（日本）', 'JP', 'healthcare', 2],
  ['Thames Digital Assets Ltd', '泰晤士数字资产有限公司（英国）', 'GB', 'finance', 3],
  ['Oxford Distributed Systems Lab', '牛津分布式系统实验室（英国）', 'GB', 'education', 2],
  ['Han River Blockchain Co.', '汉江区块链公司（韩国）', 'KR', 'technology', 3],
  ['Incheon Smart Port', '仁川智慧港口公司（韩国）', 'KR', 'logistics', 2],
  ['Seine Trusted Identity SAS', '塞纳可信身份公司（法国）', 'FR', 'technology', 2],
  ['Lyon Agritech Traceability', '里昂农业科技溯源公司（法国）', 'FR', 'agriculture', 1],
  ['Rotterdam Trade Lane BV', '鹿特丹贸易通道公司（荷兰）', 'NL', 'logistics', 3],
  ['Zurich Ledger Assurance AG', '苏黎世账本保险公司（瑞士）', 'CH', 'finance', 3],
  ['Geneva Health Data Foundation', '日内瓦健康数据基金会（瑞士）', 'CH', 'healthcare', 1],
  ['Silicon Valley Consensus Inc.', '硅谷共识公司（美国）', 'US', 'technology', 4],
  ['Boston Clinical Chain', '波士顿临床链公司（美国）', 'US', 'healthcare', 2],
  ['Great Lakes Energy Ledger', '五大湖能源账本公司（美国）', 'US', 'energy', 2],
  ['Sydney Harbour Fintech', '悉尼港金融科技公司（澳大利亚）', 'AU', 'finance', 2],
  ['Queensland Agri Ledger', '昆士兰农业账本公司（澳大利亚）', 'AU', 'agriculture', 1],
  ['Toronto Credential Network', '多伦多证书网络公司（加拿大）', 'CA', 'education', 1],
  ['Milano Fashion Provenance', '米兰时尚溯源公司（意大利）', 'IT', 'manufacturing', 1],
  ['Stockholm Green Power Chain', '斯德哥尔摩绿色电力链公司（瑞典）', 'SE', 'energy', 2],
  ['Tel Aviv Crypto Security', '特拉维夫密码安全公司（以色列）', 'IL', 'technology', 2],
  ['Kuala Lumpur Halal Traceability', '吉隆坡清真溯源公司（马来西亚）', 'MY', 'agriculture', 1],
  ['Bangkok Tourism Pass', '曼谷旅游通行证公司（泰国）', 'TH', 'tourism', 1],
  ['Dubai Free Zone Trade Chain', '迪拜自贸区贸易链公司（阿联酋）', 'AE', 'logistics', 2],
  ['Luxembourg Fund Registry Services', '卢森堡基金登记服务公司（卢森堡）', 'LU', 'finance', 2],
  ['Vientiane Rail Freight Services', '万象铁路货运服务公司（老挝）', 'LA', 'logistics', 1],
];

function toEnterprise([en, zh, country, sector, size]: Row): Enterprise {
  return { name: `${en} / ${zh}`, country, sector, size: size ?? 1 };
}

/** 118 enterprises: the seven named members first, then domestic, then overseas. */
export const ENTERPRISES: readonly Enterprise[] = [...NAMED, ...DOMESTIC, ...OVERSEAS].map(toEnterprise);
export const NAMED_MEMBER_COUNT = NAMED.length;

export interface ScenarioSpec {
  name: string;
  sector: Sector;
}

const SCENARIO_ROWS: [string, string, Sector][] = [
  ['Cross-border trade finance', '跨境贸易金融', 'finance'],
  ['Supply chain finance for SMEs', '中小企业供应链金融', 'finance'],
  ['Electronic invoice verification', '电子发票核验', 'government'],
  ['Judicial evidence preservation', '司法电子存证', 'government'],
  ['Real-estate registration', '不动产登记', 'government'],
  ['Government data sharing', '政务数据共享', 'government'],
  ['Western Land-Sea Corridor bills of lading', '西部陆海新通道电子提单', 'logistics'],
  ['China-Europe rail freight tracking', '中欧班列货运追踪', 'logistics'],
  ['Cold-chain food traceability', '冷链食品追溯', 'logistics'],
  ['Port customs clearance', '港口通关协同', 'logistics'],
  ['Electronic medical records sharing', '电子病历共享', 'healthcare'],
  ['Drug traceability', '药品追溯', 'healthcare'],
  ['Medical insurance claims', '医保理赔', 'healthcare'],
  ['Industrial internet identity resolution', '工业互联网标识解析', 'manufacturing'],
  ['Auto parts quality traceability', '汽车零部件质量追溯', 'manufacturing'],
  ['Smart-factory equipment ledger', '智慧工厂设备台账', 'manufacturing'],
  ['Carbon emission accounting', '碳排放核算', 'energy'],
  ['Green power certificate trading', '绿电证书交易', 'energy'],
  ['EV battery recycling traceability', '动力电池回收溯源', 'energy'],
  ['Agricultural product origin certification', '农产品产地认证', 'agriculture'],
  ['Rural land contract management', '农村土地承包管理', 'agriculture'],
  ['Poverty-alleviation produce sales', '消费帮扶农产品销售', 'agriculture'],
  ['Academic credential verification', '学历学位认证', 'education'],
  ['Vocational skills certificates', '职业技能证书', 'education'],
  ['Digital copyright registration', '数字版权登记', 'technology'],
  ['Trusted digital identity', '可信数字身份', 'technology'],
  ['Data asset trading', '数据资产交易', 'technology'],
  ['Smart tourism pass', '智慧旅游通票', 'tourism'],
  ['Scenic-spot ticket anti-counterfeiting', '景区门票防伪', 'tourism'],
  ['Public resource trading', '公共资源交易', 'government'],
  ['Housing provident fund services', '住房公积金服务', 'government'],
  ['Chengdu-Chongqing credit information sharing', '成渝征信信息共享', 'finance'],
];

export const SCENARIOS: readonly ScenarioSpec[] = SCENARIO_ROWS.map(([en, zh, sector]) => ({
  name: `${en} / ${zh}`,
  sector,
}));

const TECH: [string, string][] = [
  ['blockchain', '区块链'],
  ['a consortium chain', '联盟链'],
  ['smart contracts', '智能合约'],
  ['zero-knowledge proofs', '零知识证明'],
  ['threshold signatures', '门限签名'],
  ['cross-chain relays', '跨链中继'],
  ['Byzantine fault-tolerant consensus', '拜占庭容错共识'],
  ['Merkle trees', '默克尔树'],
  ['a trusted execution environment', '可信执行环境'],
  ['a distributed ledger', '分布式账本'],
  ['SM2/SM3 national cryptography', '国密SM2/SM3算法'],
  ['homomorphic encryption', '同态加密'],
];

const OBJECT: [string, string][] = [
  ['supply chain finance', '供应链金融'],
  ['cross-border logistics documents', '跨境物流单证'],
  ['electronic invoices', '电子发票'],
  ['medical records', '医疗病历'],
  ['carbon credits', '碳排放权'],
  ['real-estate registration', '不动产登记'],
  ['agricultural product traceability', '农产品溯源'],
  ['digital identity', '数字身份'],
  ['judicial evidence', '司法存证'],
  ['industrial equipment data', '工业设备数据'],
  ['academic credentials', '学历证书'],
  ['power trading', '电力交易'],
  ['data sharing between agencies', '跨部门数据共享'],
  ['digital copyright', '数字版权'],
  ['cold-chain monitoring', '冷链监测'],
];

const METHOD: [string, string][] = [
  ['Method and system for', '方法及系统'],
  ['Device for', '装置'],
  ['Verification method for', '验证方法'],
  ['Storage method for', '存储方法'],
  ['Privacy-preserving method for', '隐私保护方法'],
  ['Audit method for', '审计方法'],
  ['Data synchronisation method for', '数据同步方法'],
  ['Access control method for', '访问控制方法'],
];

export function patentTitle(rng: Rng): string {
  const [techEn, techZh] = pick(rng, TECH);
  const [objEn, objZh] = pick(rng, OBJECT);
  const [methodEn, methodZh] = pick(rng, METHOD);
  return `${methodEn} ${objEn} based on ${techEn} / 一种基于${techZh}的${objZh}${methodZh}`;
}

/**
 * A CNIPA-style invention application number: year, type 1 (invention), 7-digit serial and
 * the check character (weights 2..9,2..5 mod 11, 10 written X), e.g. CN2021101234567.
 */
export function patentNumber(year: number, serial: number): { text: string; bytes32: `0x${string}` } {
  const digits = `${year}1${String(serial).padStart(7, '0')}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (weights[i] as number);
  const check = sum % 11 === 10 ? 'X' : String(sum % 11);
  const text = `CN${digits}${check}`;
  return { text, bytes32: asciiToBytes32(text) };
}
