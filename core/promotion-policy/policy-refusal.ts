/**
 * A decision that says no, branch-deploy style: a stable code for programs (replies, logs, tests)
 * and a polite sentence for people. Messages are plain text: replies escape them.
 */
export interface PolicyRefusal<Code extends string = string> {
  code: Code;
  message: string;
}

/** What a command does to an environment, as refusals word it. */
export type PolicyAction = 'promote' | 'rollback' | 'lock' | 'unlock';

export function describeAction(action: PolicyAction, environment: string): string {
  switch (action) {
    case 'promote':
      return `promote to ${environment}`;
    case 'rollback':
      return `roll back ${environment}`;
    case 'lock':
      return `lock ${environment}`;
    case 'unlock':
      return `unlock ${environment}`;
  }
}
