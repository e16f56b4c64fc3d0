import type { ZodIssue } from 'zod';
import type { MessageKey, Params } from '../i18n/index.js';
import { messageCatalog } from '../i18n/index.js';

/** Turns a schema validation issue into a translatable message. */
export function issueMessage(issue: ZodIssue): { key: MessageKey; params: Params } {
  if (issue.message in messageCatalog('en'))
    return { key: issue.message as MessageKey, params: {} };
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined'
        ? { key: 'lint.zodRequired', params: {} }
        : { key: 'lint.zodType', params: { expected: issue.expected, received: issue.received } };
    case 'invalid_enum_value':
      return { key: 'lint.zodEnum', params: { options: issue.options.join(', ') } };
    case 'invalid_union_discriminator':
      return { key: 'lint.zodEnum', params: { options: issue.options.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'lint.zodKeys', params: { keys: issue.keys.join(', ') } };
    case 'too_small':
      return { key: 'lint.zodTooSmall', params: { minimum: Number(issue.minimum) } };
    default:
      return { key: 'lint.schema', params: { detail: issue.message } };
  }
}
