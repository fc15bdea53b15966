// roles.js — what each role may do, as docs/api.md's authorization matrix says, to show
// each role its own work first. The server still decides every request.

export const DEPARTMENTS = ['planning', 'dispatch', 'production', 'marketing', 'customer_service'];
export const ROLES = ['admin', 'reader', 'planner', 'dispatcher', 'cs_agent', ...DEPARTMENTS.map((d) => 'liaison:' + d)];

const functional = { planner: 'planning', dispatcher: 'dispatch', cs_agent: 'customer_service' };

// The department a role acts for, or null (admin, reader).
export function homeDepartment(me) {
  if (!me) return null;
  if (me.department) return me.department;
  const role = me.role || '';
  if (role.startsWith('liaison:')) return role.slice('liaison:'.length);
  return functional[role] || null;
}

export const isAdmin = (me) => !!me && me.role === 'admin';
export const isReader = (me) => !!me && me.role === 'reader';

// Whether the role may submit the reports of (or acknowledge for) a department.
export function mayActFor(me, department) {
  return isAdmin(me) || (!!department && homeDepartment(me) === department);
}

export function mayReadInbox(me, department) {
  return isAdmin(me) || isReader(me) || (!!department && homeDepartment(me) === department);
}

export const mayReadEvents = (me) => isAdmin(me) || isReader(me);

// The navigation entries of a role, in order.
export function navFor(me) {
  const out = ['month'];
  if (isAdmin(me) || homeDepartment(me)) out.push('submit');
  if (isAdmin(me) || isReader(me) || homeDepartment(me)) out.push('inbox');
  if (isAdmin(me)) out.push('tokens');
  if (mayReadEvents(me)) out.push('audit', 'feed');
  return out;
}

// Where a role starts: a liaison its month, an administrator the tokens, a planner,
// dispatcher or customer-service agent the inbox, a reader the month.
export function homeRoute(me) {
  if (isAdmin(me)) return '/tokens';
  const role = (me && me.role) || '';
  if (role in functional) return '/inbox';
  return '/month';
}
