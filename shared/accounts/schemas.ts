import { z } from 'zod';
import { ROLES } from './roles';
import { requiredText, text } from '../api/fields';

export const RoleField = z.enum(ROLES);
export const Username = z.string().trim().min(1).max(32).regex(/^[A-Za-z0-9_.-]+$/);
/** Strength is checked in the core (PASSWORD_WEAK) so the message can say what is missing. */
export const Password = z.string().min(1).max(128);

export const StaffSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleField),
});
export type StaffSummary = z.infer<typeof StaffSummary>;

export const Staff = StaffSummary.extend({ active: z.boolean(), createdAt: z.string() });
export type Staff = z.infer<typeof Staff>;

export const Session = z.object({
  sessionId: z.string(),
  staff: StaffSummary,
});
export type Session = z.infer<typeof Session>;

export const SetupAdminInput = z.strictObject({
  centreName: requiredText(60),
  username: Username,
  displayName: requiredText(30),
  password: Password,
});
export const SignInInput = z.strictObject({ username: Username, password: Password });
export const StaffCreateInput = z.strictObject({
  username: Username,
  displayName: requiredText(30),
  password: Password,
  roles: z.array(RoleField).min(1).max(ROLES.length),
});
export const StaffUpdateInput = z.strictObject({
  id: z.string().min(1).max(64),
  displayName: requiredText(30).optional(),
  roles: z.array(RoleField).min(1).max(ROLES.length).optional(),
  active: z.boolean().optional(),
  password: Password.optional(),
  note: text(200).optional(),
});
