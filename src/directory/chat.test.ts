/**
 * @module directory/chat.test
 * The chat's directory answers from the demo zone's directory: questions asking to find an entry,
 * in words nobody wrote into the code, are answered with the entries and the figures understood;
 * questions about policies and procedures are left to the knowledge base.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDirectoryEntries } from '../demo/directory.js';
import { answerFromDirectory } from './chat.js';
import { published } from './fixtures.js';
import type { StoredEntry } from './model.js';

const TODAY = '2026-11-22';
let entries: StoredEntry[];
beforeAll(async () => {
  entries = published(await demoDirectoryEntries());
});

const ids = (question: string, today = TODAY) => answerFromDirectory(question, entries, today)?.directory?.map((c) => c.id);

describe('answerFromDirectory', () => {
  it('finds space by area, rent and floor load said in words and figures, vacant ones only', () => {
    const answer = answerFromDirectory('东区有没有一千五百平米上下、承重三吨以上的厂房', entries, TODAY)!;
    expect(answer.type).toBe('directory');
    expect(answer.directory!.map((c) => c.id)).toEqual(['space-zzy-a1-101']);
    expect(answer.text).toContain('约1500 m²');
    expect(answer.text).toContain('承重29.4 kN/m²以上');
    // 智造园B2栋 (3200 m², let) is never offered.
    expect(ids('三千平以上的厂房有空的吗')).toEqual([]);
    expect(ids('找个月租金三十元一平以下、五百平以上的厂房')).toEqual(['space-zzy-b5-102', 'space-zzy-a3-301', 'space-zzy-a1-101', 'space-zzy-a1-201']);
    expect(ids('有没有便宜点的办公室，每平每月不超过36块')).toEqual(['space-kcgc-605']);
  });

  it('says plainly when nothing fits, with what it understood', () => {
    const answer = answerFromDirectory('想租一万平米以上的仓库', entries, TODAY)!;
    expect(answer.directory).toEqual([]);
    expect(answer.text).toMatch(/^目录中暂时没有面积10000 m²以上的空置仓库/);
  });

  it('finds service providers by what they do, the most telling first', () => {
    expect(ids('谁能帮我们做商标注册？推荐一家代理机构')).toEqual(['svc-ip-xinghe', 'svc-ip-yinhe']);
    expect(ids('园区里哪家能做材料成分分析')).toEqual(['svc-test-material']);
    expect(ids('想找人帮忙做账，有代账公司吗')).toEqual(expect.arrayContaining(['svc-tax-xingchen', 'svc-tax-yunfan']));
    expect(answerFromDirectory('找律所', entries, TODAY)!.text).toMatch(/^为您找到2条法律机构/);
  });

  it('finds funds by their type and by the amount wanted', () => {
    expect(ids('有没有能贴息的贷款')).toEqual(['fund-loan-interest-subsidy', 'fund-ip-pledge-subsidy']);
    expect(ids('初创公司想找天使投资')).toEqual(['fund-angel']);
    expect(ids('需要融资两千万，有哪些资金可以对接')).toEqual(['fund-industry', 'fund-risk-compensation', 'fund-guarantee']);
  });

  it('answers where, when and which phone for a department named in full, by tag or in short', () => {
    const answer = answerFromDirectory('市场监管局办公地址在哪里', entries, TODAY)!;
    expect(answer.directory![0]!.id).toBe('gov-market-regulation');
    expect(answer.text).toBe('星河高新区市场监督管理局：地址星河高新区科创大道90号');
    expect(answerFromDirectory('经济发展局的电话是多少', entries, TODAY)!.text).toContain('0000-12345609');
    expect(answerFromDirectory('科技局周六上班吗', entries, TODAY)!.text).toContain('办公时间');
  });

  it('shows market and job posts until their date, not after', () => {
    expect(ids('最近有哪些供应信息')).toEqual(['market-supply-pcb']);
    expect(ids('最近有哪些供应信息', '2027-04-01')).toEqual([]);
    expect(ids('有公司在招人吗')).toEqual(['talent-job-embedded', 'talent-job-qa']);
  });

  it('leaves policy and procedure questions to the knowledge base', () => {
    for (const question of [
      '科技型中小企业贷款贴息要满足哪些条件',
      '知识产权质押登记怎么办理',
      '人才公寓申请需要提交哪些材料',
      '租厂房有没有房租补贴',
      '高新技术企业认定奖励多少钱',
      '营业执照办好要多久',
      '研发费用加计扣除比例是多少',
      '找代理机构办高企靠谱吗',
      '失业保险稳岗返还怎么领',
    ]) {
      expect(answerFromDirectory(question, entries, TODAY), question).toBeUndefined();
    }
  });

  it('takes none of the demo knowledge base\'s own questions (FAQ questions and their variants, guide and policy titles)', () => {
    const questions = ['faqs', 'guides', 'policies'].flatMap((file) =>
      readFileSync(new URL(`../../demo/${file}.jsonl`, import.meta.url), 'utf8')
        .split('\n')
        .filter(Boolean)
        .flatMap((line) => {
          const item = JSON.parse(line) as { title: string; similarQuestions?: string[] };
          return [item.title, ...(item.similarQuestions ?? [])];
        }),
    );
    expect(questions.length).toBeGreaterThan(700);
    expect(questions.filter((q) => answerFromDirectory(q, entries, TODAY))).toEqual([]);
  });

  it('stays silent when the directory holds nothing of the kind asked', () => {
    const withoutSpace = entries.filter((s) => s.entry.kind !== 'space');
    expect(answerFromDirectory('有没有500平米以上的厂房出租', withoutSpace, TODAY)).toBeUndefined();
    expect(answerFromDirectory('有没有500平米以上的厂房出租', [], TODAY)).toBeUndefined();
  });
});
