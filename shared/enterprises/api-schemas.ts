import { z } from 'zod';
import { text } from '../api/fields';
import { CertificateSchema, ENTERPRISE_SIZES, ProfileTag } from './schemas';

export const EnterpriseLookupInput = z.strictObject({
  /** a USCC prefix, or any part of the name (one character is enough) */
  query: text(100),
  limit: z.number().int().min(1).max(50).default(20),
});

export const EnterpriseSummary = z.object({
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  industryCode: z.string().nullable(),
  legalRep: z.string(),
});
export type EnterpriseSummary = z.infer<typeof EnterpriseSummary>;

/** 企业画像: the data and the tags computed from it (with the rule that gave each) plus manual tags. */
export const EnterpriseProfile = EnterpriseSummary.extend({
  registrationDate: z.string().nullable(),
  registeredCapital: z.number().nullable(),
  employees: z.number().nullable(),
  revenue: z.number().nullable(),
  totalAssets: z.number().nullable(),
  rndExpense: z.number().nullable(),
  taxPaid: z.number().nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  certificates: z.array(CertificateSchema),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  rndRatio: z.number().nullable(),
  ageYears: z.number().nullable(),
  tags: z.array(ProfileTag),
});
export type EnterpriseProfile = z.infer<typeof EnterpriseProfile>;

export const EnterpriseImportInput = z.strictObject({
  fileName: text(200),
  /** the file, base64 (CSV in UTF-8 or GBK, or XLSX) */
  contentBase64: z.string().min(1).max(70 * 1024 * 1024),
});
export const UsccInput = z.strictObject({ uscc: z.string().trim().toUpperCase().length(18) });
export const TagRemoveInput = z.strictObject({ uscc: z.string().trim().toUpperCase().length(18), tag: z.string().min(1).max(30) });
