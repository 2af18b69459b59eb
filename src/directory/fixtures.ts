/**
 * @module directory/fixtures
 * Sample entries for the directory's tests: a few of each kind, fictional (0000 phone numbers).
 * Imports no test framework, so it is harmless in a build.
 */
import { directoryEntrySchema, type DirectoryEntry, type StoredEntry } from './model.js';

export const SAMPLE_ENTRIES: DirectoryEntry[] = [
  { kind: 'government', id: 'gov-science', name: '星河高新区科技创新局', type: '部门', address: '星河大道1号管委会大楼5楼', hours: '工作日 9:00–12:00，13:30–17:30', phone: '0000-12345601', handles: ['高新技术企业认定初审', '科技型中小企业评价', '研发投入补助'] },
  { kind: 'government', id: 'gov-window-market', name: '企业开办综合窗口', type: '窗口', department: '星河高新区行政审批局', address: '政务服务中心一楼 A区 3–6号窗口', hours: '周一至周五 9:00–17:00，周六上午', phone: '0000-12345602', handles: ['营业执照', '刻章', '发票申领'] },
  { kind: 'fund', id: 'fund-loan-subsidy', name: '科技企业贷款贴息', type: '贷款贴息', amountMax: 100, rate: '按贷款市场报价利率的50%贴息', conditions: ['注册在星河高新区的科技型中小企业', '当年新增银行贷款'], contact: { name: '金融服务科', phone: '0000-12345603' } },
  { kind: 'fund', id: 'fund-guarantee', name: '星河科技融资担保', type: '融资担保', amountMin: 50, amountMax: 1000, conditions: ['无不良信用记录'] },
  { kind: 'fund', id: 'fund-angel', name: '星河天使投资基金', type: '股权投资基金', amountMin: 100, amountMax: 3000 },
  { kind: 'service', id: 'svc-ip-1', name: '星河知识产权代理事务所', type: '知识产权代理', services: ['发明专利申请', '商标注册', '软件著作权登记'], contact: { phone: '0000-22223301' } },
  { kind: 'service', id: 'svc-tax-1', name: '星辰财税咨询有限公司', type: '财税', services: ['代理记账', '研发费用加计扣除辅导'] },
  { kind: 'service', id: 'svc-test-1', name: '银河检验检测中心', type: '检验检测', services: ['电磁兼容测试', '材料检测'] },
  { kind: 'space', id: 'space-a1', name: '智造园A1栋一层', type: '厂房', building: '智造园A1栋', unit: '101', areaM2: 1200, floor: 1, floorLoadKnM2: 30, rentYuanM2Month: 22, vacant: true, district: '东区' },
  { kind: 'space', id: 'space-a3', name: '智造园A3栋三层', type: '厂房', building: '智造园A3栋', unit: '301', areaM2: 480, floor: 3, floorLoadKnM2: 8, rentYuanM2Month: 18, vacant: true, district: '东区' },
  { kind: 'space', id: 'space-b2', name: '创新大厦B座12层', type: '写字楼', building: '创新大厦B座', unit: '1205', areaM2: 260, floor: 12, floorLoadKnM2: 2, rentYuanM2Month: 45, vacant: true, district: '西区' },
  { kind: 'space', id: 'space-let', name: '智造园A2栋（已租）', type: '厂房', building: '智造园A2栋', areaM2: 2000, floor: 1, floorLoadKnM2: 30, rentYuanM2Month: 20, vacant: false },
  { kind: 'talent', id: 'talent-plan', name: '星河英才计划', type: '人才计划', support: ['安家补贴最高100万元'] },
  { kind: 'market', id: 'market-1', name: '求购精密注塑件', type: '需求', direction: 'demand', enterpriseName: '星河示范科技有限公司', expiresOn: '2027-03-31' },
].map((e) => directoryEntrySchema.parse(e));

export function published(entries: DirectoryEntry[] = SAMPLE_ENTRIES): StoredEntry[] {
  return entries.map((entry) => ({ entry, status: 'published', version: 1, updatedBy: 'test', updatedAt: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' }));
}
