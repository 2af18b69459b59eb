/**
 * @module ingestion/guide-import.test — service guides published as TXT, HTML and DOCX become
 * structured guides through importPaths, with the national standard's fields; policies, news
 * and JSON guides import as before.
 */
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp-dir.js';
import { closeParsePools, importPaths } from './index.js';

const tmp = useTempDir('xiaoxin-guide-import-');
afterAll(closeParsePools);

// A fictional 松岭县; each guide printed the way a different county website would.
const TXT_GUIDE = `当前位置：首页 > 办事指南 > 就业创业
高校毕业生一次性创业补贴申领办事指南
发布时间：2024-10-08　　来源：松岭县人力资源和社会保障局　　【打印】【关闭】

一、事项名称：高校毕业生一次性创业补贴申领
二、事项类型：行政给付
三、实施主体：松岭县人力资源和社会保障局
四、申请条件
1. 毕业5年内的高校毕业生，在本县首次创办小微企业或从事个体经营；
2. 自工商登记注册之日起正常经营1年以上。
五、申请材料
1. 《一次性创业补贴申请表》，原件1份；
2. 营业执照，复印件1份；
3. 毕业证书，原件及复印件各1份。
六、补贴标准：一次性补贴5000元
七、申报时间：每年3月1日至11月30日
八、办理流程：网上申请 → 审核 → 公示 → 拨付
九、承诺时限：20个工作日
十、收费标准：不收费
十一、办理地点：松岭县政务服务中心一楼8号窗口
十二、办公时间：周一至周五9:00-12:00，14:00-17:30
十三、咨询电话：0771-5238801
十四、投诉电话：0771-5238800
十五、到现场次数：0次
十六、办理结果：补贴资金拨付至本人银行账户
十七、温馨提示：同一人只能享受一次。`;

const HTML_GUIDE = `<!doctype html><html><head><title>二手房交易登记办事指南_松岭县不动产登记中心</title></head><body>
<div class="breadcrumb">首页 &gt; 办事指南</div>
<article><h1>二手房转移登记办事指南</h1>
<p>发布日期：2024-08-20</p>
<table>
<tr><td>事项类型</td><td>行政确认</td></tr>
<tr><td>实施机关</td><td>松岭县自然资源局</td></tr>
<tr><td>受理条件</td><td>1. 房屋已取得不动产权证书；2. 买卖双方已签订买卖合同。</td></tr>
<tr><td>所需材料</td><td>不动产登记申请书、买卖双方身份证明、不动产权证书、完税凭证</td></tr>
<tr><td>法定时限</td><td>30个工作日</td></tr>
<tr><td>承诺时限</td><td>3个工作日</td></tr>
<tr><td>收费标准</td><td>住宅登记费每件80元</td></tr>
<tr><td>窗口位置</td><td>松岭县不动产登记中心大厅3—6号窗口</td></tr>
<tr><td>结果名称</td><td>不动产权证书</td></tr>
<tr><td>监督投诉电话</td><td>0771-5236612</td></tr>
</table></article></body></html>`;

const DOCX_LINES = [
  '残疾人机动轮椅车燃油补贴申领服务指南',
  '【事项类型】公共服务',
  '【服务对象】本县户籍持证下肢残疾人',
  '【申请条件】持有残疾人证且本人拥有机动轮椅车。',
  '【申请材料】',
  '1. 残疾人证，原件1份；',
  '2. 机动轮椅车行驶证，复印件1份。',
  '【奖励标准】每人每年补贴燃油费300元',
  '【受理时间】每年9月1日至10月31日',
  '【受理地点】各乡镇残联',
  '【联系电话】0771-5237700',
  '【跑动次数】1次',
];

describe('importPaths on service guides', () => {
  it('a TXT guide becomes a guide with its fields, the new ones included', async () => {
    await tmp.write('g/chuangye.txt', TXT_GUIDE);
    const { items, problems } = await importPaths([join(tmp.dir, 'g/chuangye.txt')]);
    expect(problems).toEqual([]);
    expect(items[0]).toMatchObject({
      kind: 'guide',
      title: '高校毕业生一次性创业补贴申领办事指南',
      itemType: '行政给付',
      department: '松岭县人力资源和社会保障局',
      subsidy: '一次性补贴5000元',
      applicationPeriod: '每年3月1日至11月30日',
      promisedTimeLimit: '20个工作日',
      fee: '不收费',
      place: '松岭县政务服务中心一楼8号窗口',
      hours: '周一至周五9:00-12:00，14:00-17:30',
      phone: '0771-5238801',
      complaintPhone: '0771-5238800',
      visits: '0次',
      result: '补贴资金拨付至本人银行账户',
      notes: '同一人只能享受一次。',
      steps: ['网上申请', '审核', '公示', '拨付'],
    });
    expect(items[0]).toMatchObject({
      materials: [
        { name: '《一次性创业补贴申请表》', form: '原件', copies: 1 },
        { name: '营业执照', form: '复印件', copies: 1 },
        { name: '毕业证书', form: '原件及复印件', copies: 1 },
      ],
    });
  });

  it('an HTML guide laid out as a table becomes a guide', async () => {
    await tmp.write('g/ershoufang.html', HTML_GUIDE);
    const { items } = await importPaths([join(tmp.dir, 'g/ershoufang.html')]);
    expect(items[0]).toMatchObject({
      kind: 'guide',
      title: '二手房转移登记办事指南',
      itemType: '行政确认',
      department: '松岭县自然资源局',
      conditions: ['房屋已取得不动产权证书', '买卖双方已签订买卖合同'],
      materials: [{ name: '不动产登记申请书' }, { name: '买卖双方身份证明' }, { name: '不动产权证书' }, { name: '完税凭证' }],
      statutoryTimeLimit: '30个工作日',
      promisedTimeLimit: '3个工作日',
      fee: '住宅登记费每件80元',
      place: '松岭县不动产登记中心大厅3—6号窗口',
      result: '不动产权证书',
      complaintPhone: '0771-5236612',
    });
  });

  it('a DOCX guide becomes a guide; 受理时间 with dates is the application period', async () => {
    const doc = new Document({ sections: [{ children: DOCX_LINES.map((text) => new Paragraph({ text })) }] });
    await tmp.write('g/ranyou.docx', await Packer.toBuffer(doc));
    const { items } = await importPaths([join(tmp.dir, 'g/ranyou.docx')]);
    expect(items[0]).toMatchObject({
      kind: 'guide',
      title: '残疾人机动轮椅车燃油补贴申领服务指南',
      itemType: '公共服务',
      servedParty: '本县户籍持证下肢残疾人',
      conditions: ['持有残疾人证且本人拥有机动轮椅车'],
      materials: [
        { name: '残疾人证', form: '原件', copies: 1 },
        { name: '机动轮椅车行驶证', form: '复印件', copies: 1 },
      ],
      subsidy: '每人每年补贴燃油费300元',
      applicationPeriod: '每年9月1日至10月31日',
      place: '各乡镇残联',
      phone: '0771-5237700',
      visits: '1次',
    });
  });

  it('leaves policies, news and JSON guides as they were', async () => {
    await tmp.write(
      'k/notice.txt',
      '松岭县人民政府办公室文件\n松政办发〔2024〕18号\n关于印发创业担保贷款贴息办法的通知\n一、申请条件\n本县户籍。\n二、申请材料\n身份证、营业执照。\n三、办理地点\n县人社局。\n四、咨询电话\n0771-5230000\n五、办理时限\n10个工作日',
    );
    await tmp.write('k/news.txt', '松岭县政务服务中心推出周六服务\n本报讯 自本月起，中心每周六上午开放，咨询电话0771-5230000。');
    const guide = { kind: 'guide', id: 'g-json', title: '居住证办理', place: '一楼', subsidy: '无', applicationPeriod: '常年', visits: '1次', result: '居住证', complaintPhone: '12345', itemType: '行政确认' };
    await tmp.write('k/guides.jsonl', JSON.stringify(guide));
    const { items, problems } = await importPaths([join(tmp.dir, 'k')]);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(items.map((i) => [i.id, i.kind]))).toEqual({ 'g-json': 'guide', news: 'article', notice: 'policy' });
    expect(items.find((i) => i.id === 'g-json')).toMatchObject(guide);
  });
});
