/**
 * @module server/enterprise/errors
 * The enterprise API answers in Chinese, naming the field (`creditCode（统一社会信用代码）：必须填写`):
 * schema errors are said here, the account and profile rules' own errors (already Chinese) get
 * their status — a refused profile as 400 with every field's problem in `errors`. Installed in
 * the enterprise API's scope and in the back office's enterprise routes; anything else goes on
 * to the scope above.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { EnterpriseInputError } from '../../enterprise/accounts/service.js';
import { ProfileInputError } from '../../enterprise/profiles/service.js';
import { errorSchema } from '../schemas.js';

const FIELD_LABELS: Record<string, string> = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  contactName: '联系人',
  contactPhone: '联系电话',
  username: '用户名',
  password: '密码',
  displayName: '姓名',
  profile: '企业画像',
  facts: '要核实的信息',
  note: '说明',
  fact: '信息项',
  limit: '条数',
  status: '状态',
  q: '关键词',
  page: '页码',
  pageSize: '每页条数',
  id: '企业编号',
};

const TYPE_WORDS: Record<string, string> = { string: '文字', integer: '整数', number: '数字', boolean: 'true 或 false', object: 'JSON 对象', array: '列表' };

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: { minimum?: unknown; maximum?: unknown };
}

/** The first schema error in Chinese, naming the field by its key and its name. */
export function chineseValidationMessage(errors: readonly SchemaError[], part = 'body'): string {
  const error = errors[0];
  if (!error) return '请求不正确';
  const p = error.params;
  const path = error.instancePath.slice(1).replaceAll('/', '.');
  const field = error.keyword === 'required' ? [path, p.missingProperty].filter(Boolean).join('.') : path;
  if (!field) return part === 'body' ? '请求体应为 JSON 对象' : '请求参数不正确';
  const head = field.split('.')[0]!;
  const name = FIELD_LABELS[head] ? `${field}（${FIELD_LABELS[head]}）` : field;
  switch (error.keyword) {
    case 'required':
      return `${name}：必须填写`;
    case 'type':
      return `${name}：应为${TYPE_WORDS[String(p.type)] ?? String(p.type)}`;
    case 'minLength':
      return Number(p.limit) === 1 ? `${name}：不能为空` : `${name}：至少${String(p.limit)}个字符`;
    case 'maxLength':
      return `${name}：最多${String(p.limit)}个字符`;
    case 'minimum':
    case 'maximum': {
      const s = error.parentSchema;
      return typeof s?.minimum === 'number' && typeof s.maximum === 'number'
        ? `${name}：应为 ${s.minimum} 到 ${s.maximum} 之间的整数`
        : `${name}：${error.keyword === 'minimum' ? '不能小于' : '不能大于'}${String(p.limit)}`;
    }
    case 'minItems':
      return `${name}：至少要有${String(p.limit)}项`;
    case 'maxItems':
      return `${name}：最多${String(p.limit)}项`;
    case 'enum':
      return `${name}：应为以下之一：${(p.allowedValues as unknown[]).join('、')}`;
    case 'pattern':
      return `${name}：格式不对`;
    default:
      return `${name}：格式不对`;
  }
}

export function installEnterpriseErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ProfileInputError) return reply.status(400).send({ error: error.message, errors: error.errors });
    if (error instanceof EnterpriseInputError) return reply.status(error.conflict ? 409 : 400).send({ error: error.message });
    if (error.validation) {
      return reply.status(400).send({ error: chineseValidationMessage(error.validation as unknown as SchemaError[], error.validationContext) });
    }
    throw error;
  });
}

/** A 400 that lists each field's problem: a refused profile. */
export const fieldErrorsSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, label: { type: 'string' }, message: { type: 'string' } },
        required: ['field', 'label', 'message'],
      },
    },
  },
  required: ['error'],
} as const;

export { errorSchema };
