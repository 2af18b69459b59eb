/**
 * @module accounts/roles
 * Who may do what in the back office. Every admin API route names the permission it needs and
 * the server checks it against this table, so the rules live in one place.
 */

export const ROLES = ['admin', 'editor', 'reviewer', 'window'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  editor: '编辑',
  reviewer: '审核员',
  window: '窗口人员',
};

export const PERMISSIONS = [
  /** Read items, versions, insights and the review queue. */
  'knowledge:read',
  /** Create and edit drafts, import and export. */
  'knowledge:edit',
  /** Approve or reject submitted drafts, publish, roll back. */
  'knowledge:publish',
  /** Log the questions asked at the counter. */
  'questions:log',
  /** Read the question log and insights. */
  'insights:read',
  /** Create, change and disable accounts. */
  'accounts:manage',
  /** Read the audit log. */
  'audit:read',
  /** Read every enterprise, its users and its profile with the history (issue #12). */
  'enterprises:read',
  /** Create, approve and disable enterprises and their users; verify profile facts; import profiles. */
  'enterprises:manage',
  /** Add, edit and take down 七找 directory entries; approve or reject enterprises' market posts. */
  'directory:manage',
  /** Write eligibility rules (YAML) as drafts and submit them for review; read them with `enterprises:read`. */
  'rules:edit',
  /** Publish or reject rules in review, roll a rule back to an earlier version. */
  'rules:review',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  // Editors keep the enterprise register as they keep the knowledge; window staff look enterprises up.
  editor: ['knowledge:read', 'knowledge:edit', 'insights:read', 'questions:log', 'enterprises:read', 'enterprises:manage', 'directory:manage', 'rules:edit'],
  reviewer: ['knowledge:read', 'knowledge:publish', 'insights:read', 'questions:log', 'enterprises:read', 'directory:manage', 'rules:review'],
  window: ['knowledge:read', 'questions:log', 'enterprises:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...GRANTS[role]];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
