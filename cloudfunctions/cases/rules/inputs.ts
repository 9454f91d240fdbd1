// Input pieces the cases actions share (pure schemas with their Chinese labels).
import * as z from 'zod';
import type { CaseCategory } from '../../../typings/cases';
import { ALL_CATEGORIES } from '../../_shared/engines/cases';
import { form, id } from '../../_shared/validation';

export const caseKind = () => z.enum(['demand', 'report']);
export const caseCategory = () => z.enum(ALL_CATEGORIES as [CaseCategory, ...CaseCategory[]]);
export const caseState = () =>
  z.enum([
    'submitted',
    'accepted',
    'in_progress',
    'extended',
    'answered',
    'closed',
    'returned',
    'rejected',
    'reopened',
  ]);
export const caseRating = () => z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']);

/** The case's version as the organiser saw it. */
export const version = () => z.number().int().min(0).max(1_000_000).optional();

export const CASE_LABELS = { caseId: '事项编号', version: '版本' } as const;
export const caseFields = { caseId: id(), version: version() };

export const location = () =>
  form({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }, { lat: '纬度', lng: '经度' });
