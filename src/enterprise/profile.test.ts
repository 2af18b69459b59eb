import { describe, expect, it } from 'vitest';
import { creditCodeProblem, isValidCreditCode } from './credit-code.js';
import { parseIndustryCode } from './industry.js';
import { validateProfile } from './profile.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real codes and refuses a mistyped check character', () => {
    expect(isValidCreditCode('9144030071526726XG')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
    expect(creditCodeProblem('91110000802100433C')).toMatch(/校验位不符.*“B”/);
  });
  it('says what is wrong in plain words', () => {
    expect(creditCodeProblem('9111000080210043')).toBe('统一社会信用代码应为18位，这里是16位');
    expect(creditCodeProblem('91110000802100433I')).toMatch(/不能含有字符“I”/);
    expect(creditCodeProblem('91AB0000802100433B')).toMatch(/行政区划代码/);
  });
});

describe('industry codes (GB/T 4754-2017)', () => {
  it('restores the section letter from the division', () => {
    expect(parseIndustryCode('6513')).toEqual({ section: 'I', division: '65', code: 'I6513' });
    expect(parseIndustryCode('c 3453')).toEqual({ section: 'C', division: '34', code: 'C3453' });
    expect(parseIndustryCode('M')).toEqual({ section: 'M', code: 'M' });
  });
  it('refuses a letter that does not go with the division', () => {
    expect(parseIndustryCode('C6513')).toBeUndefined();
    expect(parseIndustryCode('6513x')).toBeUndefined();
  });
});

describe('enterprise profile', () => {
  it('takes bare values as self-declared facts and keeps a verified source', () => {
    const result = validateProfile({ employees: 45, stStaff: { value: 12, source: 'verified', note: '社保缴费名单' }, revenue: { 2023: 2800 } });
    expect(result.ok && result.profile.employees).toEqual({ value: 45, source: 'self-declared' });
    expect(result.ok && result.profile.stStaff).toEqual({ value: 12, source: 'verified', note: '社保缴费名单' });
    expect(result.ok && result.profile.revenue?.['2023']).toEqual({ value: 2800, source: 'self-declared' });
  });
  it('leaves facts not given unknown rather than zero', () => {
    const result = validateProfile({ employees: 45 });
    expect(result.ok && result.profile.revenue).toBeUndefined();
    expect(result.ok && result.profile.incidents).toBeUndefined();
  });
  it('names every bad field', () => {
    const result = validateProfile({ creditCode: '91110000802100433C', revenue: { 2023: -5, '23': 1 }, employees: 4.5, qualifications: [{ kind: 'gaoqi', issuedOn: '2023-02-30' }] });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.join('\n');
    expect(errors).toMatch(/creditCode\.value: 统一社会信用代码校验位不符/);
    expect(errors).toMatch(/revenue\.2023\.value: must not be negative/);
    expect(errors).toMatch(/revenue\.23: /);
    expect(errors).toMatch(/employees\.value: must be a whole number/);
    expect(errors).toMatch(/qualifications\.0\.kind:/);
    expect(errors).toMatch(/qualifications\.0\.issuedOn: is not a real calendar date/);
  });
});
