/**
 * @module enterprise/dialogue/recognise
 * Whether a chat message asks if the enterprise qualifies for a rule (“我们公司能申报高企吗？”,
 * “我们能评科小吗”, “够不够专精特新”), and which rule. The rule is found by its name or an alias
 * from its file; the question must be about *this enterprise qualifying* — a subject (我们, 公司)
 * with a modal (能, 可以, 够), or a yes-no form of qualifying (够不够, 符不符合, 有没有资格).
 * Questions about the procedure (材料, 流程, 怎么, 在哪) stay with the knowledge base even when
 * they name the rule: “高企认定需要哪些材料” is not asking for a verdict.
 */
import type { Rule } from '../rules/schema.js';

const SUBJECT = /我们|我司|我公司|本公司|我们公司|我们企业|我单位|咱们|咱|我家|我这|我方|公司|企业|单位/;
const MODAL = /能|可以|可否|够|符合|达到|达标|满足|具备|有资格|有戏|行不行|评得上|评上|认定得上|算/;
/** Asking for a yes-no verdict on qualifying, with or without a subject. */
const VERDICT_FORM = /够不够|够格|符不符合|是否符合|能不能|能否|可不可以|有没有资格|有资格吗|够条件|符合条件吗|满足条件吗|达到条件|达不达标|能评上|评得上吗|行不行|有没有戏|有戏吗/;
/** The procedure, the place, the time, the documents: the knowledge base answers these. */
const PROCEDURE = /材料|流程|程序|步骤|怎么|怎样|如何|在哪|哪里|去哪|什么时候|何时|多久|多长时间|几天|电话|地址|窗口|网上|线上|系统|网址|哪些|什么条件|条件是什么|有什么条件|标准是什么|什么标准|是什么|哪个部门|找谁|费用|收费|要钱|政策原文|文件|通知/;

export interface RuleName {
  ruleId: string;
  /** the words that name it, longest first */
  names: string[];
}

export function ruleNames(rules: readonly Rule[]): RuleName[] {
  return rules.map((r) => ({
    ruleId: r.id,
    names: [...new Set([r.name, r.name.replace(/（.*?）/g, ''), r.name.replace(/认定$|评价$|评价（入库登记）$/, ''), ...(r.aliases ?? [])])].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length),
  }));
}

/** The rule a message names (the longest name found wins: 高企奖励 over 高企). */
export function ruleNamed(message: string, names: readonly RuleName[]): { ruleId: string; name: string } | undefined {
  let best: { ruleId: string; name: string } | undefined;
  for (const rule of names) {
    for (const name of rule.names) {
      if (message.includes(name) && (!best || name.length > best.name.length)) best = { ruleId: rule.ruleId, name };
    }
  }
  return best;
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** The rule id when the message asks whether the enterprise qualifies for it; else undefined. */
export function eligibilityQuestion(message: string, names: readonly RuleName[]): string | undefined {
  const text = squeeze(message);
  if (text.length > 60) return undefined;
  const named = ruleNamed(text, names);
  if (!named) return undefined;
  const rest = text.replace(named.name, '');
  if (PROCEDURE.test(rest)) return undefined;
  if (VERDICT_FORM.test(rest)) return named.ruleId;
  return SUBJECT.test(rest) && MODAL.test(rest) ? named.ruleId : undefined;
}

const EXIT = /^(?:算了|不问了|不用了|不测了|不评了|不看了|退出|取消|结束|停|不想(?:回答|答|说)了|先这样|以后再说)|算了|不问了|不用问了|别问了/;

/** “算了”, “不问了”: the dialogue ends. */
export function isExit(message: string): boolean {
  return EXIT.test(squeeze(message));
}
