/** @module ingestion/ocr/normalise.test — Tesseract's ASCII punctuation and spaces in Chinese text. */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean.js';
import { normaliseOcrText } from './normalise.js';

describe('normaliseOcrText', () => {
  it('makes punctuation after Chinese full-width, and drops the spaces between Chinese characters and marks', () => {
    expect(normaliseOcrText('为 坚 决 , 现 就 如 下 :')).toBe('为坚决，现就如下：');
    expect(cleanText(normaliseOcrText('为 坚 决 贯 彻 , 现 就 有 关 事 项 通 知 如 下 :'))).toBe('为坚决贯彻，现就有关事项通知如下：');
    expect(cleanText(normaliseOcrText('根 据 《 通 知 》 (以 下 简 称 “ 通 知 ”) 精 神 ; 特 此 通 知 .'))).toBe('根据《通知》（以下简称“通知”）精神；特此通知。');
  });

  it('leaves numbers, Latin text and addresses alone', () => {
    expect(normaliseOcrText('增长 3.5% , see www.example.gov.cn, a:b')).toBe('增长 3.5% , see www.example.gov.cn, a:b');
    expect(normaliseOcrText('1,000 元')).toBe('1,000 元');
  });

  it('gives text the cleaner reads like any other', () => {
    expect(cleanText(normaliseOcrText('第 一 条 企 业 应 当 提 交 申 请 表 ,\n营 业 执 照 复 印 件 .'))).toBe('第一条企业应当提交申请表，营业执照复印件。');
  });
});
