import { describe, expect, it } from 'vitest';
import { recogniseGuide } from './index.js';

// Fresh guides written the way zone websites print them (a fictional 松岭县), one layout each.
const BRACKETED = `首页 > 办事服务 > 社会事务
残疾人两项补贴申领办事指南
发布时间：2024-11-05　　来源：松岭县民政局　　【打印】【关闭】
【事项名称】困难残疾人生活补贴和重度残疾人护理补贴申领
【事项类型】行政给付
【实施主体】松岭县民政局
【申请条件】
1. 具有本县户籍，持有第二代《中华人民共和国残疾人证》；
2. 困难残疾人生活补贴：纳入最低生活保障范围的残疾人；
3. 重度残疾人护理补贴：残疾等级为一级、二级的残疾人。
【所需材料】居民身份证、户口簿、残疾人证
【补贴标准】生活补贴每人每月90元；护理补贴一级每人每月120元，二级每人每月90元
【申报时间】常年受理
【办理流程】申请 → 村（社区）初审 → 乡镇审核 → 县民政局审定 → 按月发放
【法定时限】30个工作日
【承诺时限】15个工作日
【受理地点】各乡镇便民服务中心民政窗口
【咨询电话】0771-5230118
【投诉电话】0771-5230100
【到现场次数】1次
【办理结果】补贴资金按月发放至本人社会保障卡
【注意事项】残疾人证等级变更的，应在30日内告知。`;

const NUMBERED = `松岭县食品经营许可（仅销售预包装食品备案）服务指南
松岭县市场监督管理局　2024年9月12日
一、适用范围
本指南适用于仅销售预包装食品的经营者备案。
二、受理条件
（一）已取得营业执照；
（二）有与经营的食品品种、数量相适应的经营场所。
三、提交材料
1. 《仅销售预包装食品经营者备案信息采集表》，原件1份；
2. 营业执照，复印件1份；
3. 法定代表人身份证明，原件及复印件各1份。
四、办理时限：法定时限5个工作日；承诺时限当场办结
五、是否收费：否
六、办公地址：松岭县政务服务中心二楼15号窗口
七、办公时间：工作日9:00-12:00，14:00-17:00
八、联系电话：0771-5231234`;

const TABLE = `事项名称\t城乡居民基本养老保险待遇领取
事项类型\t行政给付\t服务对象\t年满60周岁的参保人员
收费标准\t不收费\t到现场次数\t0次
办理时限\t承诺时限：10个工作日
受理地点\t各乡镇社保所
咨询电话\t0771-5239876
监督投诉电话\t12345
申请材料
序号\t材料名称\t材料形式\t份数\t备注
1\t居民身份证\t原件\t1份\t核验后退还
2\t本人社会保障卡\t原件\t1份\t`;

const POLICY = `松岭县人民政府办公室文件
松政办发〔2024〕18号
松岭县人民政府办公室关于印发松岭县创业担保贷款贴息实施办法的通知
一、申请条件
具有本县户籍的创业人员。
二、申请材料
身份证、营业执照。
三、贴息标准
按贷款利息的50%给予贴息。
四、办理地点
县人社局就业窗口。
五、咨询电话
0771-5230000`;

describe('recogniseGuide', () => {
  it('reads 【】 headings, a 、 sentence of materials, an arrow flow and the new fields', () => {
    const guide = recogniseGuide(BRACKETED)!;
    expect(guide.title).toBe('残疾人两项补贴申领办事指南');
    expect(guide.fields).toMatchObject({
      itemType: '行政给付',
      department: '松岭县民政局',
      subsidy: '生活补贴每人每月90元；护理补贴一级每人每月120元，二级每人每月90元',
      applicationPeriod: '常年受理',
      statutoryTimeLimit: '30个工作日',
      promisedTimeLimit: '15个工作日',
      place: '各乡镇便民服务中心民政窗口',
      phone: '0771-5230118',
      complaintPhone: '0771-5230100',
      visits: '1次',
      result: '补贴资金按月发放至本人社会保障卡',
      notes: '注意事项：残疾人证等级变更的，应在30日内告知。',
    });
    expect(guide.fields.materials).toEqual([{ name: '居民身份证' }, { name: '户口簿' }, { name: '残疾人证' }]);
    expect(guide.fields.steps).toEqual(['申请', '村（社区）初审', '乡镇审核', '县民政局审定', '按月发放']);
    expect(guide.fields.conditions).toHaveLength(3);
    expect(guide.recognised).toContain('subsidy');
    expect(guide.recognised).toContain('complaintPhone');
  });

  it('reads 一、 numbered headings, materials with form and copies, both time limits on one line', () => {
    const guide = recogniseGuide(NUMBERED)!;
    expect(guide.title).toBe('松岭县食品经营许可（仅销售预包装食品备案）服务指南');
    expect(guide.fields.conditions).toEqual(['已取得营业执照', '有与经营的食品品种、数量相适应的经营场所']);
    expect(guide.fields.materials).toEqual([
      { name: '《仅销售预包装食品经营者备案信息采集表》', form: '原件', copies: 1 },
      { name: '营业执照', form: '复印件', copies: 1 },
      { name: '法定代表人身份证明', form: '原件及复印件', copies: 1 },
    ]);
    expect(guide.fields).toMatchObject({
      statutoryTimeLimit: '5个工作日',
      promisedTimeLimit: '当场办结',
      fee: '不收费',
      place: '松岭县政务服务中心二楼15号窗口',
      hours: '工作日9:00-12:00，14:00-17:00',
      phone: '0771-5231234',
    });
    // 适用范围 fits no field: it is kept, not lost.
    expect(guide.fields.notes).toBeUndefined();
  });

  it('reads a flattened two-column table and a material table', () => {
    const guide = recogniseGuide(TABLE)!;
    expect(guide.title).toBe('城乡居民基本养老保险待遇领取');
    expect(guide.fields).toMatchObject({
      itemType: '行政给付',
      servedParty: '年满60周岁的参保人员',
      fee: '不收费',
      visits: '0次',
      promisedTimeLimit: '10个工作日',
      place: '各乡镇社保所',
      complaintPhone: '12345',
    });
    expect(guide.fields.materials).toEqual([
      { name: '居民身份证', form: '原件', copies: 1, notes: '核验后退还' },
      { name: '本人社会保障卡', form: '原件', copies: 1 },
    ]);
  });

  it('reads a joined heading, brackets inside a material name and a 份数 column', () => {
    const guide = recogniseGuide(`松岭县临时占用城市绿地审批指南
【打印】【关闭】　发布时间：2024-06-01
一、申请材料
1. 占用（临时使用）绿地位置图，原件1份，须标明面积；
2. 营业执照，复印件1份。
二、收费依据及标准
按占用面积每平方米每月5元收取绿地补偿费。
三、办理地点：县政务服务中心6号窗口
四、咨询电话：0771-5232000
五、承诺时限：7个工作日`)!;
    expect(guide.title).toBe('松岭县临时占用城市绿地审批指南');
    expect(guide.fields.materials![0]).toEqual({ name: '占用（临时使用）绿地位置图', form: '原件', copies: 1, notes: '须标明面积' });
    expect(guide.fields.fee).toBe('按占用面积每平方米每月5元收取绿地补偿费。');
    expect(guide.fields.notes).toBeUndefined();
    const table = recogniseGuide('申请材料\n材料名称\t材料要求\t份数\t备注\n申请表\t原件\t各1\t单位盖章\n办理地点：3号窗口\n咨询电话：1\n收费标准：不收费\n承诺时限：3日')!;
    expect(table.fields.materials).toEqual([{ name: '申请表', form: '原件', copies: 1, notes: '单位盖章' }]);
  });

  it('is not fooled by prose or a short list of headings', () => {
    expect(recogniseGuide('区政务服务中心周四延时服务至20:00。咨询电话：0771-5230000。')).toBeUndefined();
    expect(recogniseGuide('一、申请条件\n本县户籍。\n二、咨询电话\n0771-1')).toBeUndefined();
  });

  it('sees the sections of a policy notice too; the importer keeps it a policy by its 文号', () => {
    expect(recogniseGuide(POLICY)).toBeDefined();
  });
});
