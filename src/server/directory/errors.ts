/**
 * @module server/directory/errors
 * The directory's routes answer in Chinese naming the field: a refused entry is a 400 with every
 * field's problem in `errors` (as a refused profile), schema errors are said as the enterprise
 * API says them, with the directory's own field names.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ENTRY_FIELD_LABELS } from '../../directory/field-errors.js';
import { DirectoryInputError } from '../../directory/service.js';
import { chineseValidationMessage } from '../enterprise/errors.js';

const QUERY_LABELS: Record<string, string> = {
  ...ENTRY_FIELD_LABELS,
  entry: '条目',
  note: '审核意见',
  status: '状态',
  areaMin: '最小面积（m²）',
  areaMax: '最大面积（m²）',
  rentMax: '最高租金（元/m²/月）',
  loadMin: '最低承重（kN/m²）',
  amountMin: '所需金额（万元）',
  vacant: '只看空置',
  q: '关键词',
  limit: '条数',
};

/** Names the field of a schema error by its Chinese label too (`areaMin（最小面积（m²））：不能小于0`). */
function withLabel(message: string): string {
  const head = /^([\w.]+)：/.exec(message)?.[1];
  const label = head && QUERY_LABELS[head.split('.')[0]!];
  return label ? message.replace(`${head}：`, `${head}（${label}）：`) : message;
}

export function installDirectoryErrors(scope: FastifyInstance): void {
  scope.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof DirectoryInputError) {
      return reply.status(error.status).send({ error: error.message, ...(error.errors.length ? { errors: error.errors } : {}) });
    }
    const first = error.validation?.[0];
    if (first && (first.keyword === 'minimum' || first.keyword === 'maximum')) {
      // Figures here are decimals (a rent of 22.5): say the bound, not “an integer between”.
      const field = first.instancePath.slice(1).replaceAll('/', '.');
      return reply.status(400).send({ error: withLabel(`${field}：${first.keyword === 'minimum' ? '不能小于' : '不能大于'}${String(first.params.limit)}`) });
    }
    if (error.validation) {
      return reply.status(400).send({ error: withLabel(chineseValidationMessage(error.validation as never, error.validationContext)) });
    }
    throw error;
  });
}
