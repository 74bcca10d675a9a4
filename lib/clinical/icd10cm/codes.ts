import { DISEASE_CODES } from "./codes-diseases";
import { FINDING_CODES } from "./codes-findings";

/**
 * A curated subset of ICD-10-CM: common primary-care codes with their tabular-list titles.
 * Edition: ICD-10-CM FY2026 (valid for US encounters from 1 October 2025), the Tabular List of
 * Diseases and Injuries published by the US Centers for Medicare & Medicaid Services and the CDC's
 * National Center for Health Statistics (https://www.cms.gov/medicare/coding-billing/icd-10-codes).
 * ICD-10-CM is in the US public domain; WHO's own ICD-10 may not be redistributed and is not used.
 * Every entry is a billable code (no category headers); a clinic may record any other code that
 * fits the structure, flagged "not in the list".
 */
export const ICD10CM_EDITION = "ICD-10-CM FY2026";

/** Every code of the list, code and title, in chapter order. */
export const ICD10CM_CODES: readonly (readonly [code: string, title: string])[] = [
  ...DISEASE_CODES,
  ...FINDING_CODES,
];
