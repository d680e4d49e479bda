import { z } from 'zod';
import { IsoDateField, Phone, Uscc, requiredText, text } from '../api/fields';

// 企业: the local enterprise cache, filled by import (CSV / XLSX) now and by sync later.

/** 大 / 中 / 小 / 微 (工信部联企业〔2011〕300号) */
export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;

/** Certificates whose validity makes a profile tag. */
export const CERTIFICATE_TYPES = {
  hnte: '高新技术企业',
  srdi: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
  tsme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
} as const;
export type CertificateType = keyof typeof CERTIFICATE_TYPES;

export const CertificateSchema = z.strictObject({
  type: z.enum(Object.keys(CERTIFICATE_TYPES) as [CertificateType, ...CertificateType[]]),
  number: text(60).default(''),
  validFrom: IsoDateField.nullable().default(null),
  validTo: IsoDateField.nullable().default(null),
});

const amount = z.number().min(0).max(1e9).nullable().default(null);

export const EnterpriseSchema = z.strictObject({
  uscc: Uscc.refine((v) => v !== '', { params: { key: 'error.FIELD_REQUIRED' } }),
  name: requiredText(100),
  legalRep: text(30).default(''),
  /** GB/T 2260, 6 digits */
  regionCode: z.string().regex(/^\d{6}$/).nullable().default(null),
  /** GB/T 4754: section letter + up to 4 digits, e.g. C3911 */
  industryCode: z.string().regex(/^[A-T](\d{2,4})?$/).nullable().default(null),
  registrationDate: IsoDateField.nullable().default(null),
  /** 万元 */
  registeredCapital: amount,
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
  /** 上年营业收入, 万元 */
  revenue: amount,
  /** 资产总额, 万元 */
  totalAssets: amount,
  /** 上年研发费用, 万元 */
  rndExpense: amount,
  /** 上年纳税额, 万元 */
  taxPaid: amount,
  contactName: text(30).default(''),
  contactPhone: Phone.default(''),
  certificates: z.array(CertificateSchema).max(20).default([]),
});
export type EnterpriseInput = z.input<typeof EnterpriseSchema>;
export type EnterpriseData = z.output<typeof EnterpriseSchema>;

export const TagSource = z.enum(['rule', 'manual']);
export const ProfileTag = z.object({
  tag: z.string(),
  source: TagSource,
  /** for rules: the rule's id and why; for manual tags: who and when */
  reason: z.string(),
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type ProfileTag = z.infer<typeof ProfileTag>;

export const ManualTagInput = z.strictObject({ uscc: Uscc, tag: requiredText(30), note: text(200).default('') });
